import type { Actor } from '@luyue/domain';
import type { DutyMail } from './duty-mail.plan';
import type { DutyAction, DutyEvent, DutyPayloads, DutyState, DutyStatus } from './duty.types';

/** One persisted change of an occurrence, keyed (occurrenceId, transitionSeq). */
interface DutyTransitionBase {
  occurrenceId: string;
  contractId: string;
  workflowId: string;
  transitionSeq: number;
  fromStatus: DutyStatus;
  toStatus: DutyStatus;
  at: string;
  state: DutyState;
  mails: DutyMail[];
}

export type DutyActionTransition = {
  [A in DutyAction]: DutyTransitionBase & {
    action: A;
    payload: DutyPayloads[A];
    actor: Actor;
    requestId: string | null;
  };
}[DutyAction];

export type DutyEventTransition = DutyTransitionBase & {
  action: DutyEvent;
  payload: Record<string, unknown>;
  actor: null;
  requestId: null;
};

export type DutyTransitionInput = DutyActionTransition | DutyEventTransition;
