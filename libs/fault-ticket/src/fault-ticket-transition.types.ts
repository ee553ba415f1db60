import type { Actor } from '@luyue/domain';
import type { FaultMail } from './fault-ticket-mail.plan';
import type {
  FaultAction,
  FaultEvent,
  FaultPayloads,
  FaultStatus,
  FaultTicketState,
} from './fault-ticket.types';

/** One persisted change of a fault ticket, keyed (ticketId, transitionSeq). */
interface FaultTransitionBase {
  ticketId: string;
  contractId: string;
  workflowId: string;
  transitionSeq: number;
  fromStatus: FaultStatus;
  toStatus: FaultStatus;
  at: string;
  state: FaultTicketState;
  mails: FaultMail[];
}

export type FaultActionTransition = {
  [A in FaultAction]: FaultTransitionBase & {
    action: A;
    payload: FaultPayloads[A];
    actor: Actor;
    requestId: string | null;
  };
}[FaultAction];

export type FaultEventTransition = FaultTransitionBase & {
  action: FaultEvent;
  payload: Record<string, unknown>;
  actor: null;
  requestId: null;
};

export type FaultTransitionInput = FaultActionTransition | FaultEventTransition;
