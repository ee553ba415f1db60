import type { Actor } from '@luyue/domain';
import type { ChangeMail } from './change-request-mail.plan';
import type {
  ChangeAction,
  ChangeEvent,
  ChangePayloads,
  ChangeRequestState,
  ChangeStatus,
} from './change-request.types';

/** One persisted change of a change request, keyed (changeRequestId, transitionSeq). */
export interface ChangeTransitionBase {
  changeRequestId: string;
  contractId: string;
  contractYear: number;
  workflowId: string;
  transitionSeq: number;
  fromStatus: ChangeStatus;
  toStatus: ChangeStatus;
  at: string;
  state: ChangeRequestState;
  mails: ChangeMail[];
  /** The change's reply period, for its mails (absent in transitions scheduled before it was). */
  replyWorkingDays?: number;
}

export type ChangeActionTransition = {
  [A in ChangeAction]: ChangeTransitionBase & {
    action: A;
    payload: ChangePayloads[A];
    actor: Actor;
    requestId: string | null;
  };
}[ChangeAction];

export type ChangeEventTransition = ChangeTransitionBase & {
  action: ChangeEvent;
  payload: Record<string, unknown>;
  actor: null;
  requestId: null;
};

export type ChangeTransitionInput = ChangeActionTransition | ChangeEventTransition;
