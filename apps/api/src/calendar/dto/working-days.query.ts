import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Max, Min } from 'class-validator';

export class WorkingDaysQuery {
  @ApiProperty({
    example: '2026-09-30T10:00:00+08:00',
    description: 'Instant of receipt (ISO 8601 with offset)',
  })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'from must be an ISO 8601 instant, e.g. 2026-09-30T10:00:00+08:00' },
  )
  from!: string;

  @ApiProperty({
    example: 3,
    minimum: 0,
    maximum: 366,
    description: 'Working days after the day of receipt',
  })
  @Type(() => Number)
  @IsInt({ message: 'days must be an integer' })
  @Min(0)
  @Max(366)
  days!: number;
}

export class WorkingDaysAnswer {
  @ApiProperty({
    example: '2026-10-10T23:59:59.999+08:00',
    description: 'End (24:00 Asia/Shanghai) of the last working day',
  })
  deadline!: string;

  @ApiProperty({ description: 'True when a year in the span has no official schedule loaded yet' })
  provisional!: boolean;
}
