import { recipientsOf } from '@luyue/domain';
import { faultStep } from './fault-ticket.process';
import type { FaultAction, FaultEvent, FaultNotify, FaultTicketState } from './fault-ticket.types';

/** A mail the persisting activity renders and queues, at most once per `messageKey`. */
export interface FaultMail {
  messageKey: string;
  template: string;
  to: string[];
}

/**
 * The mail of one persisted write (`seq`): one message to everyone the table names for the step,
 * except the person who acted. Warning and breach timers fire at the end of a covered minute,
 * so a working-hours clock mails inside its hours and a 7×24 clock at any hour.
 */
export function faultMails(
  step: FaultAction | FaultEvent,
  state: Pick<FaultTicketState, 'ticketId'>,
  seq: number,
  notify: FaultNotify,
  actorEmail: string | null,
): FaultMail[] {
  const to = recipientsOf(faultStep(step).notify, (r) => notify[r] ?? [], actorEmail);
  if (to.length === 0) return [];
  return [
    { messageKey: `${state.ticketId}:${seq}:fault-ticket`, template: 'fault-ticket-notice', to },
  ];
}
