import type { Actor, Party } from '@luyue/domain';
import {
  DomainError,
  validationFailed,
  type FieldProblem,
  allowedActionsIn,
  checkActionIn,
} from '@luyue/domain';
import { CHANGE_PROCESS } from './change-request.process';
import {
  REPLY_DECISIONS,
  type ChangeAction,
  type ChangeActionCall,
  type ChangeRequestState,
  type PartyReply,
} from './change-request.types';

export const CHANGE_COMMENT_MAX = 2000;

/** The reply of a party, or undefined when the party proposed (it counts as agreeing). */
export function replyOf(state: Pick<ChangeRequestState, 'replies'>, party: Party) {
  return state.replies.find((r) => r.party === party);
}

export function pendingReplies(state: Pick<ChangeRequestState, 'replies'>): PartyReply[] {
  return state.replies.filter((r) => r.decision === null);
}

/**
 * May this actor take this action now? Null when yes; `forbidden` (403) for a wrong role or
 * party, `invalid_state` (409) for a wrong state or a party that has already answered.
 */
export function checkChangeAction(
  state: Pick<ChangeRequestState, 'changeRequestId' | 'status' | 'replies' | 'proposedBy'>,
  action: ChangeAction,
  actor: Pick<Actor, 'roles' | 'party'>,
): DomainError | null {
  const error = checkActionIn(
    CHANGE_PROCESS,
    { id: state.changeRequestId, status: state.status },
    action,
    actor,
    'a change request',
  );
  if (error) return error;
  const party = actor.party!;
  if (action === 'withdraw' && party !== state.proposedBy.party) {
    return new DomainError(
      'forbidden',
      'change.proposing_party_withdraws',
      {},
      { action, proposerParty: state.proposedBy.party },
    );
  }
  if (action === 'reply') {
    const reply = replyOf(state, party);
    if (!reply) {
      return new DomainError(
        'invalid_state',
        'change.proposer_counts',
        { id: state.changeRequestId },
        { action, currentStatus: state.status, party },
      );
    }
    if (reply.decision !== null) {
      return new DomainError(
        'invalid_state',
        'change.already_replied',
        { by: reply.by?.name ?? null, party, at: reply.at },
        {
          action,
          currentStatus: state.status,
          party,
          decision: reply.decision,
          repliedBy: reply.by?.name ?? null,
          repliedAt: reply.at,
          via: reply.via,
        },
      );
    }
  }
  return null;
}

/**
 * Only the proposer withdraws ("The proposer may withdraw"), not a colleague of its party: the
 * proposal was that user's written word. Checked apart from checkChangeAction so that running
 * workflows keep replaying (see the workflow's patch).
 */
export function checkWithdrawer(
  state: Pick<ChangeRequestState, 'proposedBy'>,
  action: ChangeAction,
  actor: Pick<Actor, 'userId'>,
): DomainError | null {
  if (action !== 'withdraw' || actor.userId === state.proposedBy.userId) return null;
  return new DomainError(
    'forbidden',
    'change.proposer_withdraws',
    { name: state.proposedBy.name },
    { action, proposedBy: state.proposedBy.name },
  );
}

/** The payload rules every path shares (console, REST, email link). */
export function validateChangePayload(call: ChangeActionCall): DomainError | null {
  const problems: FieldProblem[] = [];
  switch (call.action) {
    case 'reply': {
      const { decision, comment } = call.payload;
      if (!(REPLY_DECISIONS as readonly string[]).includes(decision)) {
        problems.push({ field: 'decision', message: 'must be agree or disagree' });
      }
      if (decision === 'disagree' && comment.trim() === '') {
        problems.push({ field: 'comment', message: 'is required when disagreeing' });
      }
      if (comment.length > CHANGE_COMMENT_MAX) {
        problems.push({
          field: 'comment',
          message: `must be at most ${CHANGE_COMMENT_MAX} characters`,
        });
      }
      break;
    }
    case 'withdraw':
      if (call.payload.reason.trim() === '') {
        problems.push({ field: 'reason', message: 'is required' });
      }
      break;
    case 'archive':
      if (call.payload.documents.length === 0) {
        problems.push({
          field: 'documents',
          message: 'at least one configuration document is required',
        });
      }
      break;
    case 'confirm':
    case 'start-implementation':
    case 'close':
      break;
  }
  return problems.length > 0 ? validationFailed(problems) : null;
}

/** Actions possible now: for this actor when given (with the party rules), else for anyone. */
export function allowedChangeActions(
  state: Pick<ChangeRequestState, 'changeRequestId' | 'status' | 'replies' | 'proposedBy'>,
  actor?: Pick<Actor, 'roles' | 'party' | 'userId'>,
): ChangeAction[] {
  const candidates = allowedActionsIn(CHANGE_PROCESS, state.status, actor);
  if (!actor) return candidates;
  return candidates.filter(
    (a) => checkChangeAction(state, a, actor) === null && checkWithdrawer(state, a, actor) === null,
  );
}
