import type { Actor } from '@luyue/domain';
import type { RemediationMail } from './security-task-mail.plan';
import type {
  RemediationAction,
  RemediationEvent,
  RemediationPayloads,
  RemediationState,
  RemediationStatus,
} from './security-task.types';

/** One persisted change of a security task, keyed (taskId, transitionSeq). */
export interface RemediationTransitionBase {
  taskId: string;
  noticeId: string;
  contractId: string;
  contractYear: number;
  workflowId: string;
  transitionSeq: number;
  fromStatus: RemediationStatus;
  toStatus: RemediationStatus;
  at: string;
  state: RemediationState;
  mails: RemediationMail[];
}

export type RemediationActionTransition = {
  [A in RemediationAction]: RemediationTransitionBase & {
    action: A;
    payload: RemediationPayloads[A];
    actor: Actor;
    requestId: string | null;
  };
}[RemediationAction];

/**
 * A recorded event. `fix_breached` carries the breach ({ kind, round, dueAt }) for the yearly
 * report; `retest_imported` the import id and its line results.
 */
export type RemediationEventTransition = RemediationTransitionBase & {
  action: RemediationEvent;
  payload: Record<string, unknown>;
  actor: null;
  requestId: null;
};

export type RemediationTransitionInput = RemediationActionTransition | RemediationEventTransition;
