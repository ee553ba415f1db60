import { ApiProperty } from '@nestjs/swagger';
import { QUOTA_ENTRY_TYPES, type QuotaEntryType } from '@luyue/requirement/definitions';
import { CALENDAR_TERMS } from '@luyue/domain';

export class RequirementStatsDto {
  @ApiProperty({ example: 1 }) contractYear!: number;
  @ApiProperty() submitted!: number;
  @ApiProperty({ description: 'Approved by the hospital at some point' }) confirmed!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'accepted ÷ confirmed (target ≥ 0.95); null when nothing was confirmed',
  })
  completionRate!: number | null;
  @ApiProperty() released!: number;
  @ApiProperty() releasedOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'released on time ÷ released' })
  onTimeDeliveryRate!: number | null;
  @ApiProperty() assessmentBreaches!: number;
  @ApiProperty({ type: Object, description: 'Breaches by kind' })
  breaches!: Record<string, number>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: `Mean working days from receipt to assessment (PRC holidays and ${CALENDAR_TERMS.workdaySwap} counted)`,
  })
  averageAssessmentWorkingDays!: number | null;
}

export class QuotaEntryDto {
  @ApiProperty({ example: 'REQ-2026-0001' }) requirementId!: string;
  @ApiProperty({ enum: QUOTA_ENTRY_TYPES }) type!: QuotaEntryType;
  @ApiProperty() personDays!: number;
  @ApiProperty() at!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'CHG-2026-0001',
    description: 'The confirmed change request that granted this outside-quota entry',
  })
  changeRequestId!: string | null;
}

export class QuotaDto {
  @ApiProperty({ example: 1, description: 'Contract year' }) year!: number;
  @ApiProperty({ example: 50, description: 'Free interface person-days of the year' })
  total!: number;
  @ApiProperty({ description: 'Held by approved requests not yet accepted' }) reserved!: number;
  @ApiProperty({ description: 'Actual person-days of accepted requests' }) consumed!: number;
  @ApiProperty({ description: 'total − reserved − consumed' }) remaining!: number;
  @ApiProperty({ description: 'Approved outside the free quota (paid; not counted)' })
  outsideQuota!: number;
  @ApiProperty({ description: 'Part of outsideQuota granted by confirmed change requests' })
  grantedByChanges!: number;
  @ApiProperty({ type: QuotaEntryDto, isArray: true }) entries!: QuotaEntryDto[];
}
