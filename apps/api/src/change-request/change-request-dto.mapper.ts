import type { ChangeAction, ChangeRequestState } from '@luyue/change-request/definitions';
import type { ChangeRequestRow } from '@luyue/change-request';
import type { TimelineEntryDto } from '../requirement/dto/requirement.dto';
import type { ChangeListItemDto } from './dto/change-list.dto';
import type { ChangeRequestDto } from './dto/change-request.dto';

/** The one mapping from the workflow state to what the api answers. */
export function toChangeDto(
  s: ChangeRequestState,
  description: string,
  timeline: TimelineEntryDto[],
  allowedActions: ChangeAction[],
): ChangeRequestDto {
  return {
    id: s.changeRequestId,
    contractId: s.contractId,
    status: s.status,
    title: s.title,
    description,
    changeType: s.changeType,
    impact: s.impact,
    effects: s.effects,
    attachments: s.attachments,
    proposedBy: {
      userId: s.proposedBy.userId,
      name: s.proposedBy.name,
      email: s.proposedBy.email,
      party: s.proposedBy.party,
    },
    proposedAt: s.proposedAt,
    replies: s.replies.map((r) => ({
      party: r.party,
      dueAt: r.dueAt,
      provisional: r.provisional,
      decision: r.decision,
      comment: r.comment,
      by: r.by ? { userId: r.by.userId, name: r.by.name, email: r.by.email } : null,
      at: r.at,
      via: r.via,
    })),
    silentParties: s.silentParties,
    confirmation: s.confirmation,
    archive: s.archive,
    effectResults: s.effectResults,
    allowedActions,
    timeline,
  };
}

export function toChangeListItem(row: ChangeRequestRow): ChangeListItemDto {
  return {
    id: row.id,
    title: row.title,
    changeType: row.changeType,
    status: row.status,
    proposerParty: row.proposerParty,
    proposedAt: new Date(row.proposedAt).toISOString(),
    replyDueAt: row.replyDueAt ? new Date(row.replyDueAt).toISOString() : null,
  };
}
