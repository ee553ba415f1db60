import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import {
  CHANGE_EFFECT_TYPES,
  CHANGE_TYPES,
  type ChangeEffectType,
  type ChangeType,
} from '@luyue/change-request/definitions';
import { NotBlank, Omittable } from '../../common/field.validators';
import { API_EXAMPLES } from '@luyue/domain';

export class ChangeImpactDto {
  @ApiProperty({ example: API_EXAMPLES.changeImpactScope, maxLength: 2000 })
  @IsString()
  @NotBlank('scope')
  @MaxLength(2000)
  scope!: string;

  @ApiProperty({ example: API_EXAMPLES.changeImpactSchedule, maxLength: 2000 })
  @IsString()
  @NotBlank('schedule')
  @MaxLength(2000)
  schedule!: string;

  @ApiProperty({ example: API_EXAMPLES.changeImpactCost, maxLength: 2000 })
  @IsString()
  @NotBlank('cost')
  @MaxLength(2000)
  cost!: string;
}

/** The remediation periods by severity; any of them may be given. */
export class RemediationPeriodsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  high?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  medium?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  low?: number;
}

/** One effect; which fields it needs depends on `type` (checked by the service). */
export class ChangeEffectDto {
  @ApiProperty({ enum: CHANGE_EFFECT_TYPES })
  @IsIn(CHANGE_EFFECT_TYPES)
  type!: ChangeEffectType;

  @ApiPropertyOptional({ example: 'REQ-2026-0001', description: 'replan_requirement, grant_quota' })
  @Omittable()
  @Matches(/^REQ-\d{4}-\d{4}$/)
  requirementId?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'replan_requirement' })
  @Omittable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  plannedDeliveryDate?: string;

  @ApiPropertyOptional({ type: [String], description: 'contract_settings: the new systems list' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  systems?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'contract_settings' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  changeReplyWorkingDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'contract_settings' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  assessmentWorkingDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'contract_settings' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(60)
  retestWorkingDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, description: 'contract_settings' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(60)
  delayNoticeDays?: number;

  @ApiPropertyOptional({ type: RemediationPeriodsDto, description: 'contract_settings' })
  @Omittable()
  @ValidateNested()
  @Type(() => RemediationPeriodsDto)
  remediationWorkingDays?: RemediationPeriodsDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'sla_policy: the whole new policy, as `PUT /api/contracts/:id/sla-policy` takes it',
  })
  @Omittable()
  @IsObject()
  slaPolicy?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'duty_plan: the new plan, as `POST /api/contracts/:id/duty-plans` takes it',
  })
  @Omittable()
  @IsObject()
  dutyPlan?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'duty_plan: the plan it replaces (its open occurrences not due yet are withdrawn)',
  })
  @Omittable()
  @IsUUID()
  replacesPlanId?: string;
}

export class ProposeChangeDto {
  @ApiProperty({ example: API_EXAMPLES.changeTitle, maxLength: 200 })
  @IsString()
  @NotBlank('title')
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @NotBlank('description')
  @MaxLength(10000)
  description!: string;

  @ApiProperty({ enum: CHANGE_TYPES })
  @IsIn(CHANGE_TYPES)
  changeType!: ChangeType;

  @ApiProperty({ type: ChangeImpactDto })
  @ValidateNested()
  @Type(() => ChangeImpactDto)
  impact!: ChangeImpactDto;

  @ApiPropertyOptional({
    type: [ChangeEffectDto],
    description: 'Applied once the change is confirmed',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChangeEffectDto)
  effects?: ChangeEffectDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of files uploaded with POST /api/contracts/:contractId/files',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  attachments?: string[];
}
