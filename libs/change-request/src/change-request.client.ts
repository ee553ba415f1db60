import type { Client } from '@temporalio/client';
import type {
  ChangeAction,
  ChangeCommand,
  ChangeRequestInput,
  ChangeRequestState,
} from './change-request.types';
import {
  CHANGE_REQUEST_WORKFLOW,
  changeReceivedUpdate,
  changeStateQuery,
  changeUpdates,
  type ChangeUpdate,
} from './change-request.definitions';
import { startNumberedWorkflow, runUpdate } from '@luyue/temporal';

/** The api side of the change-request workflow: start, move and read a change one way. */
export async function startChangeRequest(
  client: Client,
  taskQueue: string,
  input: ChangeRequestInput,
): Promise<void> {
  await startNumberedWorkflow(client, CHANGE_REQUEST_WORKFLOW, {
    taskQueue,
    workflowId: input.changeRequestId,
    args: [input],
  });
}

/** The state once the reply deadlines (and the mail with the links) are recorded. */
export async function firstChangeState(
  client: Client,
  changeRequestId: string,
  timeoutMs?: number,
): Promise<ChangeRequestState> {
  const handle = client.workflow.getHandle(changeRequestId);
  return runUpdate(handle, changeReceivedUpdate, [], {
    updateId: `received:${changeRequestId}`,
    timeoutMs,
  });
}

/** One action as an Update, answering the state after it; a refusal throws its DomainError. */
export async function runChangeAction<A extends ChangeAction>(
  client: Client,
  changeRequestId: string,
  action: A,
  command: ChangeCommand<A>,
  options: { updateId?: string; timeoutMs?: number } = {},
): Promise<ChangeRequestState> {
  const handle = client.workflow.getHandle(changeRequestId);
  const update: ChangeUpdate<A> = changeUpdates[action];
  return runUpdate(handle, update, [command], options);
}

export async function queryChangeState(
  client: Client,
  changeRequestId: string,
): Promise<ChangeRequestState> {
  return client.workflow.getHandle(changeRequestId).query(changeStateQuery);
}
