import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  CHANGE_ACTIONS,
  CHANGE_STATUSES,
  REPLY_CHANNELS,
  REPLY_DECISIONS,
  type ChangeAction,
  type ChangeEffect,
  type ChangeImpact,
  type ChangeRequestState,
  type ChangeStatus,
  type EffectResult,
  type ReplyChannel,
  type ReplyDecision,
} from '@luyue/change-request/definitions';
import type { StoredFileRef } from '@luyue/domain';
import { PARTIES, type Party } from '@luyue/domain';
import { TimelineEntryDto } from '../../requirement/dto/requirement.dto';

/** A timeline entry of a change: the same audit fields, the change's own statuses. */
export class ChangeTimelineEntryDto extends OmitType(TimelineEntryDto, ['fromStatus', 'toStatus']) {
  @ApiProperty({ enum: CHANGE_STATUSES, nullable: true }) fromStatus!: string | null;
  @ApiProperty({ enum: CHANGE_STATUSES, nullable: true }) toStatus!: string | null;
}

export class ChangePersonDto {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class ChangeReplyStateDto {
  @ApiProperty({ enum: PARTIES }) party!: Party;
  @ApiProperty({ type: String, nullable: true, description: 'End of the last working day' })
  dueAt!: string | null;
  @ApiProperty({ description: "True while the deadline's year has no official schedule" })
  provisional!: boolean;
  @ApiProperty({ enum: REPLY_DECISIONS, nullable: true }) decision!: ReplyDecision | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: ChangePersonDto, nullable: true }) by!: ChangePersonDto | null;
  @ApiProperty({ type: String, nullable: true }) at!: string | null;
  @ApiProperty({ enum: REPLY_CHANNELS, nullable: true }) via!: ReplyChannel | null;
}

/** One change request for the caller: replies, deadlines, timeline and what it may do. */
export class ChangeRequestDto {
  @ApiProperty({ example: 'CHG-2026-0001' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ enum: CHANGE_STATUSES }) status!: ChangeStatus;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() changeType!: string;
  @ApiProperty({ type: Object }) impact!: ChangeImpact;
  @ApiProperty({ type: [Object] }) effects!: ChangeEffect[];
  @ApiProperty({ type: [Object] }) attachments!: StoredFileRef[];
  @ApiProperty({ type: Object }) proposedBy!: ChangePersonDto & { party: Party };
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ type: [ChangeReplyStateDto] }) replies!: ChangeReplyStateDto[];
  @ApiProperty({ enum: PARTIES, isArray: true, description: 'Parties silent past the deadline' })
  silentParties!: Party[];
  @ApiProperty({ type: Object, nullable: true, description: 'The written confirmation' })
  confirmation!: ChangeRequestState['confirmation'];
  @ApiProperty({ type: Object, nullable: true, description: 'The archived documents' })
  archive!: ChangeRequestState['archive'];
  @ApiProperty({ type: [Object], nullable: true }) effectResults!: EffectResult[] | null;
  @ApiProperty({ enum: CHANGE_ACTIONS, isArray: true, description: 'What the caller may do now' })
  allowedActions!: ChangeAction[];
  @ApiProperty({ type: [ChangeTimelineEntryDto] }) timeline!: ChangeTimelineEntryDto[];
}
