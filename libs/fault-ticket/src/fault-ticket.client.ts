import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { domainErrorOf, runUpdate } from '@luyue/temporal';
import {
  FAULT_TICKET_WORKFLOW,
  faultReceivedUpdate,
  faultStateQuery,
  faultTicketWorkflowId,
  faultUpdates,
  type FaultUpdate,
} from './fault-ticket.definitions';
import type {
  FaultAction,
  FaultCommand,
  FaultTicketInput,
  FaultTicketState,
} from './fault-ticket.types';

/** The api side of the fault-ticket workflow: start, move and read a ticket one way. */
export async function startFaultTicket(
  client: Client,
  taskQueue: string,
  input: FaultTicketInput,
): Promise<void> {
  await client.workflow.start(FAULT_TICKET_WORKFLOW, {
    taskQueue,
    workflowId: faultTicketWorkflowId(input.ticketId),
    args: [input],
  });
}

/**
 * Starts a ticket and answers its state once the first clocks are recorded, in one call: the
 * `received` Update rides with the start (update-with-start), so the server hands both to the
 * first workflow task instead of a start, a second call and a task for the Update.
 */
export async function startFaultTicketWithFirstState(
  client: Client,
  taskQueue: string,
  input: FaultTicketInput,
): Promise<FaultTicketState> {
  const startWorkflowOperation = new WithStartWorkflowOperation(FAULT_TICKET_WORKFLOW, {
    taskQueue,
    workflowId: faultTicketWorkflowId(input.ticketId),
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
  });
  try {
    return await client.workflow.executeUpdateWithStart(faultReceivedUpdate, {
      updateId: `received:${input.ticketId}`,
      startWorkflowOperation,
    });
  } catch (error) {
    throw domainErrorOf(error) ?? error;
  }
}

/** The state once the first clocks are recorded. */
export async function firstFaultState(
  client: Client,
  ticketId: string,
  timeoutMs?: number,
): Promise<FaultTicketState> {
  const handle = client.workflow.getHandle(faultTicketWorkflowId(ticketId));
  return runUpdate(handle, faultReceivedUpdate, [], {
    updateId: `received:${ticketId}`,
    timeoutMs,
  });
}

/** One action as an Update, answering the state after it; a refusal throws its DomainError. */
export async function runFaultAction<A extends FaultAction>(
  client: Client,
  ticketId: string,
  action: A,
  command: FaultCommand<A>,
  options: { updateId?: string; timeoutMs?: number } = {},
): Promise<FaultTicketState> {
  const handle = client.workflow.getHandle(faultTicketWorkflowId(ticketId));
  const update: FaultUpdate<A> = faultUpdates[action];
  return runUpdate(handle, update, [command], options);
}

export async function queryFaultState(client: Client, ticketId: string): Promise<FaultTicketState> {
  return client.workflow.getHandle(faultTicketWorkflowId(ticketId)).query(faultStateQuery);
}
