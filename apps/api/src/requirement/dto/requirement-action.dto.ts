// One payload DTO per action of POST /api/requirements/:id/actions/<action>: the shape of each
// payload, checked here only. The workflow's validator adds what needs its clock or the state
// (a date not in the past, a log day since receipt), in the same error envelope.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  FEASIBILITIES,
  QUOTA_DECISIONS,
  REQUIREMENT_KINDS,
  type Feasibility,
  type QuotaDecision,
  type RequirementKind,
  NEEDS_ALTERNATIVE,
} from '@luyue/requirement/definitions';
import { CalendarDate, NotBlank, Omittable } from '../../common/field.validators';
import { IsPersonDays } from './person-days.validator';
import { API_EXAMPLES } from '@luyue/domain';

const TEXT = 10_000;

export class AssessDto {
  @ApiProperty({ enum: REQUIREMENT_KINDS, example: 'interface_new' })
  @IsIn(REQUIREMENT_KINDS)
  kind!: RequirementKind;

  @ApiProperty({ enum: FEASIBILITIES, example: 'feasible' })
  @IsIn(FEASIBILITIES)
  feasibility!: Feasibility;

  @ApiProperty({ example: 4.5, description: 'Person-days, to the hundredth' })
  @IsPersonDays({ min: 0, max: 10_000, minExclusive: true })
  estimatePersonDays!: number;

  @ApiProperty({ example: '2026-12-31', description: 'YYYY-MM-DD, not in the past' })
  @CalendarDate('plannedDeliveryDate')
  plannedDeliveryDate!: string;

  @ApiProperty({ example: API_EXAMPLES.solution })
  @IsString()
  @NotBlank('solution')
  @MaxLength(TEXT)
  solution!: string;

  @ApiPropertyOptional({
    description: 'Required (at no cost) when feasibility is architecture_change or core_rewrite',
  })
  @ValidateIf(
    (o: AssessDto) =>
      o.alternativeSolution !== undefined ||
      (NEEDS_ALTERNATIVE as readonly string[]).includes(o.feasibility),
  )
  @IsString()
  @Matches(/\S/, {
    message:
      'alternativeSolution is required when the request needs an architecture change or a core rewrite',
  })
  @MaxLength(TEXT)
  alternativeSolution?: string;
}

export class ApproveDto {
  @ApiPropertyOptional({
    enum: REQUIREMENT_KINDS,
    description: "The hospital's decision when it disputes the vendor's kind (recorded)",
  })
  @Omittable()
  @IsIn(REQUIREMENT_KINDS)
  kind?: RequirementKind;

  @ApiPropertyOptional({
    enum: QUOTA_DECISIONS,
    default: 'within_quota',
    description: 'interface_new only: outside_quota pays an estimate beyond the free quota',
  })
  @Omittable()
  @IsIn(QUOTA_DECISIONS)
  quotaDecision?: QuotaDecision;
}

export class ReasonDto {
  @ApiProperty({ example: API_EXAMPLES.rejectReason })
  @IsString()
  @NotBlank('reason')
  @MaxLength(TEXT)
  reason!: string;
}

export class StartDevelopmentDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(TEXT)
  note?: string;
}

export class LogEffortDto {
  @ApiProperty({ example: '2026-11-23', description: 'The day worked: not in the future' })
  @CalendarDate('date')
  date!: string;

  @ApiProperty({ example: 1.5, description: 'Person-days, to the hundredth (at most 1000)' })
  @IsPersonDays({ min: 0, max: 1_000, minExclusive: true })
  personDays!: number;

  @ApiProperty({ example: API_EXAMPLES.effortNote, description: 'May be empty' })
  @IsString()
  @MaxLength(TEXT)
  note!: string;
}

export class SubmitForTestingDto {
  @ApiProperty({ example: 'v5.2.1-rc1' })
  @IsString()
  @NotBlank('version')
  @MaxLength(TEXT)
  version!: string;

  @ApiProperty({ example: API_EXAMPLES.testSubmissionNotes, description: 'May be empty' })
  @IsString()
  @MaxLength(TEXT)
  notes!: string;
}

export class PassTestingDto {
  @ApiProperty({ example: API_EXAMPLES.testPassedNotes, description: 'May be empty' })
  @IsString()
  @MaxLength(TEXT)
  notes!: string;
}

export class FailTestingDto {
  @ApiProperty({ example: API_EXAMPLES.testFailedNotes })
  @IsString()
  @NotBlank('notes')
  @MaxLength(TEXT)
  notes!: string;
}

export class ReleaseDto {
  @ApiProperty({ example: 'v5.2.1' })
  @IsString()
  @NotBlank('version')
  @MaxLength(TEXT)
  version!: string;

  @ApiProperty({ example: API_EXAMPLES.releaseNotes })
  @IsString()
  @NotBlank('releaseNotes')
  @MaxLength(TEXT)
  releaseNotes!: string;

  @ApiProperty({ example: API_EXAMPLES.rollbackPlan })
  @IsString()
  @NotBlank('rollbackPlan')
  @MaxLength(TEXT)
  rollbackPlan!: string;
}

export class AcceptDto {
  @ApiPropertyOptional({ example: 4, description: 'Defaults to the sum of the work log' })
  @Omittable()
  @IsPersonDays({ min: 0, max: 10_000 })
  actualPersonDays?: number;

  @ApiProperty({ example: API_EXAMPLES.acceptanceNote, description: 'May be empty' })
  @IsString()
  @MaxLength(TEXT)
  note!: string;
}

export class ReplanDto {
  @ApiProperty({ example: '2027-01-15', description: 'YYYY-MM-DD, not in the past' })
  @CalendarDate('plannedDeliveryDate')
  plannedDeliveryDate!: string;

  @ApiProperty({ example: API_EXAMPLES.replanReason })
  @IsString()
  @NotBlank('reason')
  @MaxLength(TEXT)
  reason!: string;
}
