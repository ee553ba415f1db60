import { ApiProperty } from '@nestjs/swagger';
import {
  REQUIREMENT_ACTIONS,
  REQUIREMENT_KINDS,
  REQUIREMENT_PRIORITIES,
  REQUIREMENT_STATUSES,
  type Acceptance,
  type Approval,
  type Assessment,
  type Closure,
  type KindDecision,
  type Release,
  type Replan,
  type RequirementAction,
  type RequirementBreach,
  type RequirementDeadlines,
  type RequirementKind,
  type RequirementPriority,
  type RequirementStatus,
  type TestRound,
} from '@luyue/requirement/definitions';
import { API_EXAMPLES } from '@luyue/domain';

export class RequirementPersonDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class RequirementWorkLogDto {
  @ApiProperty({ example: '2026-11-30' }) date!: string;
  @ApiProperty() personDays!: number;
  @ApiProperty() note!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() userEmail!: string;
  @ApiProperty() loggedAt!: string;
}

export class TimelineEntryDto {
  @ApiProperty({ description: 'Audit event id, increasing with time' }) id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ example: 'requirement.approve' }) action!: string;
  @ApiProperty({ enum: ['user', 'link_recipient', 'system', 'operator'] }) actorType!: string;
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) party!: string | null;
  @ApiProperty({ enum: REQUIREMENT_STATUSES, nullable: true }) fromStatus!: string | null;
  @ApiProperty({ enum: REQUIREMENT_STATUSES, nullable: true }) toStatus!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'What was sent with the action' })
  payload!: unknown;
}

/** Everything about one request, for the caller: deadlines, work log, timeline, buttons. */
export class RequirementAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: API_EXAMPLES.attachmentName }) name!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'image/png' }) contentType!: string;
  @ApiProperty({ description: 'Hex sha256 of the stored bytes' }) sha256!: string;
  @ApiProperty({ description: "The uploader's email" }) uploadedBy!: string;
  @ApiProperty() uploadedAt!: string;
  @ApiProperty({ example: '/api/files/…', description: "Download (the contract's parties only)" })
  url!: string;
}

export class RequirementDto {
  @ApiProperty({ example: 'REQ-2026-0001' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ description: '1-based contract year whose quota it is charged to' })
  contractYear!: number;
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) status!: RequirementStatus;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() system!: string;
  @ApiProperty({ enum: REQUIREMENT_PRIORITIES }) priority!: RequirementPriority;
  @ApiProperty({ enum: REQUIREMENT_KINDS, nullable: true }) kind!: RequirementKind | null;
  @ApiProperty({ type: RequirementPersonDto }) submittedBy!: RequirementPersonDto;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'End of the last working day of the assessment period (null for a moment)',
  })
  assessmentDueAt!: string | null;
  @ApiProperty({ description: "True while the deadline's year has no official schedule" })
  assessmentProvisional!: boolean;
  @ApiProperty({ type: String, nullable: true }) plannedDeliveryDate!: string | null;
  @ApiProperty({ type: Number, nullable: true }) estimatePersonDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) actualPersonDays!: number | null;
  @ApiProperty() loggedPersonDays!: number;
  @ApiProperty({ description: 'Person-days this request holds in the quota now' })
  quotaReservedPersonDays!: number;
  @ApiProperty({
    type: Object,
    description: 'assessment / delivery / signOff schedules, each with `provisional`',
  })
  deadlines!: RequirementDeadlines;
  @ApiProperty({ type: Object, nullable: true }) assessment!: Assessment | null;
  @ApiProperty({ type: Object, nullable: true }) kindDecision!: KindDecision | null;
  @ApiProperty({ type: Object, nullable: true }) approval!: Approval | null;
  @ApiProperty({ type: Object, isArray: true }) replans!: Replan[];
  @ApiProperty({ type: Object, isArray: true }) testRounds!: TestRound[];
  @ApiProperty({ type: Object, nullable: true }) release!: Release | null;
  @ApiProperty({ type: Object, nullable: true }) acceptance!: Acceptance | null;
  @ApiProperty({ type: Object, nullable: true }) closure!: Closure | null;
  @ApiProperty({ type: Object, isArray: true }) breaches!: RequirementBreach[];
  @ApiProperty({ type: RequirementWorkLogDto, isArray: true }) workLog!: RequirementWorkLogDto[];
  @ApiProperty({ type: RequirementAttachmentDto, isArray: true })
  attachments!: RequirementAttachmentDto[];
  @ApiProperty({ type: TimelineEntryDto, isArray: true, description: 'From the audit trail' })
  timeline!: TimelineEntryDto[];
  @ApiProperty({
    enum: REQUIREMENT_ACTIONS,
    isArray: true,
    description: 'Actions the caller may take now (POST …/actions/<action>)',
  })
  allowedActions!: RequirementAction[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
