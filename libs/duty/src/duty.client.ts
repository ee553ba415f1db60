import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { runUpdate } from '@luyue/temporal';
import {
  DUTY_WORKFLOW,
  dutyStateQuery,
  dutyUpdates,
  dutyWorkflowId,
  type DutyUpdate,
} from './duty.definitions';
import type { DutyAction, DutyCommand, DutyInput, DutyState } from './duty.types';

/** The api side of the duty workflow: start, move and read an occurrence one way. */
export async function startDuty(
  client: Client,
  taskQueue: string,
  input: DutyInput,
): Promise<void> {
  try {
    await client.workflow.start(DUTY_WORKFLOW, {
      taskQueue,
      workflowId: dutyWorkflowId(input.occurrenceId),
      args: [input],
    });
  } catch (error) {
    // Generating again starts what a failed run left unstarted; the rest are running already.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** One action as an Update, answering the state after it; a refusal throws its DomainError. */
export async function runDutyAction<A extends DutyAction>(
  client: Client,
  occurrenceId: string,
  action: A,
  command: DutyCommand<A>,
  options: { updateId?: string; timeoutMs?: number } = {},
): Promise<DutyState> {
  const handle = client.workflow.getHandle(dutyWorkflowId(occurrenceId));
  const update: DutyUpdate<A> = dutyUpdates[action];
  return runUpdate(handle, update, [command], options);
}

export async function queryDutyState(client: Client, occurrenceId: string): Promise<DutyState> {
  return client.workflow.getHandle(dutyWorkflowId(occurrenceId)).query(dutyStateQuery);
}
