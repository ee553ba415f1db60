import { CALENDAR_TERMS } from '@luyue/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min } from 'class-validator';
import { COVERAGE_DAYS, WORKING_HOURS_SEGMENTS, type CoverageDays } from '@luyue/calendar';
import { Omittable } from '../../common/field.validators';

/** A year of 7×24 minutes (366 days): longer than any clock a contract names. */
export const MAX_COVERED_MINUTES = 527_040;
/** 00:00-24:00 is 11 characters; 48 half-hour segments and their commas fit well within this. */
const MAX_SEGMENTS_LENGTH = 600;

export class WorkingTimeQuery {
  @ApiProperty({
    example: '2025-09-26T16:00:00+08:00',
    description: 'Instant the clock starts (ISO 8601 with offset)',
  })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'from must be an ISO 8601 instant, e.g. 2025-09-26T16:00:00+08:00' },
  )
  from!: string;

  @ApiProperty({
    example: 240,
    minimum: 0,
    maximum: MAX_COVERED_MINUTES,
    description: 'Covered minutes the clock runs for',
  })
  @Type(() => Number)
  @IsInt({ message: 'minutes must be an integer' })
  @Min(0)
  @Max(MAX_COVERED_MINUTES)
  minutes!: number;

  @ApiPropertyOptional({
    enum: COVERAGE_DAYS,
    default: 'working',
    description: `working: PRC working days (${CALENDAR_TERMS.workdaySwap} included); all: every day`,
  })
  @Omittable()
  @IsIn(COVERAGE_DAYS, { message: `days must be one of: ${COVERAGE_DAYS.join(', ')}` })
  days?: CoverageDays;

  @ApiPropertyOptional({
    example: WORKING_HOURS_SEGMENTS.join(','),
    default: WORKING_HOURS_SEGMENTS.join(','),
    maxLength: MAX_SEGMENTS_LENGTH,
    description:
      'Daily covered segments in Asia/Shanghai, HH:mm-HH:mm, comma-separated, in order, not overlapping; 24:00 only as an end (00:00-24:00 for 7×24)',
  })
  @Omittable()
  @IsString({ message: 'segments must be text like 08:00-12:00,13:30-17:30' })
  @MaxLength(MAX_SEGMENTS_LENGTH)
  segments?: string;
}

export class WorkingTimeAnswer {
  @ApiProperty({
    example: '2025-09-28T10:30:00.000+08:00',
    description: 'The earliest instant by which the covered minutes have passed (Asia/Shanghai)',
  })
  due!: string;

  @ApiProperty({
    description: 'True when a day in a year without an official schedule decided the answer',
  })
  provisional!: boolean;
}
