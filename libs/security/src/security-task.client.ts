import type { Client } from '@temporalio/client';
import type {
  RemediationAction,
  RemediationCommand,
  RemediationInput,
  RemediationState,
  RetestImportResult,
} from './security-task.types';
import {
  SECURITY_TASK_WORKFLOW,
  remediationReceivedUpdate,
  remediationStateQuery,
  remediationUpdates,
  retestImportUpdate,
  securityTaskWorkflowId,
  type RemediationUpdate,
} from './security-task.definitions';
import { runUpdate } from '@luyue/temporal';

/** The api side of the security-task workflow: start, move and read a task one way. */
export async function startSecurityTask(
  client: Client,
  taskQueue: string,
  input: RemediationInput,
): Promise<void> {
  await client.workflow.start(SECURITY_TASK_WORKFLOW, {
    taskQueue,
    workflowId: securityTaskWorkflowId(input.taskId),
    args: [input],
  });
}

/** The state once the first fix deadline is recorded. */
export async function firstSecurityTaskState(
  client: Client,
  taskId: string,
  timeoutMs?: number,
): Promise<RemediationState> {
  const handle = client.workflow.getHandle(securityTaskWorkflowId(taskId));
  return runUpdate(handle, remediationReceivedUpdate, [], {
    updateId: `received:${taskId}`,
    timeoutMs,
  });
}

/** One action as an Update, answering the state after it; a refusal throws its DomainError. */
export async function runSecurityTaskAction<A extends RemediationAction>(
  client: Client,
  taskId: string,
  action: A,
  command: RemediationCommand<A>,
  options: { updateId?: string; timeoutMs?: number } = {},
): Promise<RemediationState> {
  const handle = client.workflow.getHandle(securityTaskWorkflowId(taskId));
  const update: RemediationUpdate<A> = remediationUpdates[action];
  return runUpdate(handle, update, [command], options);
}

/** A retest import's results for one task, at most once per import. */
export async function sendRetestImport(
  client: Client,
  taskId: string,
  result: RetestImportResult,
  timeoutMs?: number,
): Promise<RemediationState> {
  const handle = client.workflow.getHandle(securityTaskWorkflowId(taskId));
  const updateId = `retest:${result.importId}`;
  return runUpdate(handle, retestImportUpdate, [result], { updateId, timeoutMs });
}

export async function querySecurityTaskState(
  client: Client,
  taskId: string,
): Promise<RemediationState> {
  return client.workflow.getHandle(securityTaskWorkflowId(taskId)).query(remediationStateQuery);
}
