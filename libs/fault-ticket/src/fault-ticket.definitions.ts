import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  FAULT_ACTIONS,
  type FaultAction,
  type FaultCommand,
  type FaultTicketState,
} from './fault-ticket.types';

/** Workflow type of one fault ticket. */
export const FAULT_TICKET_WORKFLOW = 'faultTicketWorkflow';

export const faultTicketWorkflowId = (ticketId: string): string => `fault-ticket:${ticketId}`;

export type FaultUpdate<A extends FaultAction> = UpdateDefinition<
  FaultTicketState,
  [FaultCommand<A>],
  `fault_ticket.${A}`
>;

export type FaultUpdates = { [A in FaultAction]: FaultUpdate<A> };

/** One Update per action (`fault_ticket.<action>`), answering the state after it. */
export const faultUpdates = Object.fromEntries(
  FAULT_ACTIONS.map((action) => [action, defineUpdate(`fault_ticket.${action}`)]),
) as FaultUpdates;

export const faultStateQuery = defineQuery<FaultTicketState>('faultTicketState');

/** Answers once the first clocks are recorded (sent with the start). */
export const faultReceivedUpdate = defineUpdate<FaultTicketState, []>('fault_ticket.received');
