import { actorRefOf } from '@luyue/domain';
import type { Actor } from '@luyue/domain';
import { PARTIES } from '@luyue/domain';
import { CHANGE_PROCESS } from './change-request.process';
import { pendingReplies } from './change-request.rules';
import type {
  ChangeActionCall,
  ChangeEvent,
  ChangeRequestInput,
  ChangeRequestState,
  ChangeStatus,
  EffectResult,
} from './change-request.types';

export function initialChangeState(input: ChangeRequestInput): ChangeRequestState {
  return {
    changeRequestId: input.changeRequestId,
    contractId: input.contractId,
    contractYear: input.contractYear,
    title: input.title,
    description: input.description,
    changeType: input.changeType,
    impact: input.impact,
    effects: input.effects,
    attachments: input.attachments,
    proposedBy: input.proposedBy,
    proposedAt: input.proposedAt,
    status: 'awaiting_replies',
    replies: PARTIES.filter((p) => p !== input.proposedBy.party).map((party) => ({
      party,
      receivedAt: input.proposedAt,
      dueAt: null,
      reminderAts: [],
      remindersSent: 0,
      provisional: false,
      decision: null,
      comment: null,
      by: null,
      at: null,
      via: null,
    })),
    outcomeAt: null,
    silentParties: [],
    withdrawal: null,
    confirmation: null,
    implementation: null,
    archive: null,
    closure: null,
    effectResults: null,
    seq: 0,
    updatedAt: input.proposedAt,
  };
}

export interface ChangeStateChange {
  next: ChangeRequestState;
  fromStatus: ChangeStatus;
  toStatus: ChangeStatus;
}

/** The state after a person's action; the caller has checked role, state and payload. */
export function applyChangeAction(
  state: ChangeRequestState,
  call: ChangeActionCall,
  actor: Actor,
  at: string,
): ChangeStateChange {
  const rule = CHANGE_PROCESS.actions[call.action];
  const to = rule.to ?? state.status;
  const by = actorRefOf(actor);
  const next: ChangeRequestState = { ...state, status: to, seq: state.seq + 1, updatedAt: at };
  switch (call.action) {
    case 'reply':
      next.replies = state.replies.map((r) =>
        r.party === actor.party
          ? {
              ...r,
              decision: call.payload.decision,
              comment: call.payload.comment.trim() || null,
              by,
              at,
              via: call.payload.via,
            }
          : r,
      );
      break;
    case 'withdraw':
      next.withdrawal = { at, by, reason: call.payload.reason.trim() };
      break;
    case 'confirm':
      next.confirmation = { at, by, note: call.payload.note.trim() };
      break;
    case 'start-implementation':
      next.implementation = { at, by, note: call.payload.note.trim() };
      break;
    case 'archive':
      next.archive = { at, by, note: call.payload.note.trim(), documents: call.payload.documents };
      break;
    case 'close':
      next.closure = { at, by, note: call.payload.note.trim() };
      break;
    default: {
      const unknown: never = call;
      throw new Error(`unhandled action ${String(unknown)}`);
    }
  }
  return { next, fromStatus: state.status, toStatus: to };
}

/**
 * The outcome the replies settle, if any: one disagreement rejects at once; every receiving
 * party agreeing makes the change agreed (the proposer's party counts as agreeing).
 */
export function replyOutcome(
  state: ChangeRequestState,
): Extract<ChangeEvent, 'agreed' | 'rejected'> | null {
  if (state.status !== 'awaiting_replies') return null;
  if (state.replies.some((r) => r.decision === 'disagree')) return 'rejected';
  return state.replies.every((r) => r.decision === 'agree') ? 'agreed' : null;
}

/** The state after the workflow records an outcome or the effects' results. */
export function applyChangeEvent(
  state: ChangeRequestState,
  event: Extract<ChangeEvent, 'agreed' | 'rejected' | 'lapsed'>,
  at: string,
): ChangeStateChange {
  const next: ChangeRequestState = {
    ...state,
    status: event,
    outcomeAt: at,
    seq: state.seq + 1,
    updatedAt: at,
  };
  if (event === 'lapsed') next.silentParties = pendingReplies(state).map((r) => r.party);
  return { next, fromStatus: state.status, toStatus: event };
}

export function withEffectResults(
  state: ChangeRequestState,
  results: EffectResult[],
  at: string,
): ChangeRequestState {
  return { ...state, effectResults: results, seq: state.seq + 1, updatedAt: at };
}
