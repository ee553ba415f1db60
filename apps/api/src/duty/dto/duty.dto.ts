import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { FAULT_LEVELS, type FaultLevel } from '@luyue/fault-ticket/definitions';
import {
  DUTY_KINDS,
  DUTY_SIGNER_ROLES,
  DUTY_STATUSES,
  DUTY_TEXT_MAX,
  type ChecklistItem,
  type DutyCadence,
  type DutyDeadline,
  type DutyKind,
  type DutySignerRole,
  type DutyStatus,
} from '@luyue/duty/definitions';
import { NotBlank, Omittable } from '../../common/field.validators';
import { PageQueryDto } from '../../common/paged-list.dto';

/**
 * A duty plan. Its shape is checked here; its meaning (cadence, deadline, checklist keys,
 * signers, the contract's systems) by the plan's own rules, every problem named at once.
 */
export class DutyPlanDto {
  @ApiProperty({ enum: DUTY_KINDS })
  @IsIn(DUTY_KINDS)
  kind!: DutyKind;

  @ApiPropertyOptional({ description: 'The name of a `custom` kind', maxLength: 50 })
  @Omittable()
  @IsString()
  @MaxLength(50)
  customKind?: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank('title')
  @MaxLength(200)
  title!: string;

  @ApiProperty({ type: [String], description: "The contract's systems it covers" })
  @IsArray()
  @IsString({ each: true })
  systems!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '`{type: monthly, day}`, `{type: quarterly, month, day}`, `{type: times_a_year, times}`, `{type: weekly, weekday}` (1 = Monday), `{type: before_holidays, workingDaysBefore}`, `{type: during_holidays}`, `{type: dates, dates}`',
    example: { type: 'monthly', day: 1 },
  })
  @IsObject()
  cadence!: DutyCadence;

  @ApiPropertyOptional({
    description: "Days before its day the duty may be done; null or omitted: the cadence's period",
  })
  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  windowDays?: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The record is due `workingDays` working days after the day, at `time` (HH:mm) or by the end of it',
    example: { workingDays: 3, time: null },
  })
  @IsObject()
  deadline!: DutyDeadline;

  @ApiPropertyOptional({ default: 1, minimum: 0, maximum: 20 })
  @Omittable()
  @IsInt()
  reminderWorkingDays?: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ key: 'cpu', text: 'CPU, memory and disk usage', expected: 'below 80%' }],
  })
  @IsArray()
  @IsObject({ each: true })
  checklist!: ChecklistItem[];

  @ApiProperty({ type: [String], enum: DUTY_SIGNER_ROLES })
  @IsArray()
  @IsString({ each: true })
  signers!: DutySignerRole[];
}

export class GenerateDutiesDto {
  @ApiProperty({ description: 'Contract year (1, 2, …)' })
  @IsInt()
  @Min(1)
  @Max(100)
  year!: number;
}

export class DutyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DUTY_KINDS })
  @Omittable()
  @IsIn(DUTY_KINDS)
  kind?: DutyKind;

  @ApiPropertyOptional({ enum: DUTY_STATUSES })
  @Omittable()
  @IsIn(DUTY_STATUSES)
  state?: DutyStatus;

  @ApiPropertyOptional({ description: 'Contract year (1, 2, …)' })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  year?: number;

  @ApiPropertyOptional({ description: 'Only occurrences of this plan' })
  @Omittable()
  @Matches(/^[0-9a-f-]{36}$/i)
  planId?: string;
}

export class DutyFiguresQueryDto {
  @ApiProperty({ description: 'Contract year (1, 2, …)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  year!: number;
}

/** The record as a multipart form: `answers` is a JSON list `[{key, result, note}]`, `files` the report. */
export class RecordDutyDto {
  @ApiPropertyOptional({ maxLength: DUTY_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(DUTY_TEXT_MAX)
  summary?: string;

  @ApiProperty({ description: 'JSON: `[{"key": "cpu", "result": "normal", "note": ""}]`' })
  @IsString()
  @MaxLength(200_000)
  answers!: string;
}

export class SignDutyDto {
  @ApiProperty({ description: "The record's sha256 as the signer read it" })
  @Matches(/^[0-9a-f]{64}$/)
  hash!: string;

  @ApiPropertyOptional({ maxLength: DUTY_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(DUTY_TEXT_MAX)
  note?: string;
}

export class DutyReasonDto {
  @ApiProperty({ maxLength: DUTY_TEXT_MAX })
  @IsString()
  @NotBlank('reason')
  @MaxLength(DUTY_TEXT_MAX)
  reason!: string;
}

/** What a fault ticket or a customization request opened from an abnormal item needs. */
export class DutyFollowUpDto {
  @ApiPropertyOptional({ enum: FAULT_LEVELS, description: 'The fault level (a fault ticket)' })
  @Omittable()
  @IsIn(FAULT_LEVELS)
  level?: FaultLevel;

  @ApiPropertyOptional({ description: "One of the plan's systems; default its first" })
  @Omittable()
  @IsString()
  @MaxLength(200)
  system?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Default: the checklist item' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  title?: string;
}
