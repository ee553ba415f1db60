import type { Client } from '@temporalio/client';
import {
  type CustomizationRequestInput,
  type RequirementAction,
  type RequirementCommand,
  type RequirementState,
} from './requirement.types';
import {
  CUSTOMIZATION_REQUEST_WORKFLOW,
  requirementReceivedUpdate,
  requirementStateQuery,
  requirementUpdates,
  requirementWorkflowId,
  type RequirementUpdate,
} from './requirement.definitions';
import { startNumberedWorkflow, runUpdate } from '@luyue/temporal';

/**
 * The api side of the customization-request workflow, kept next to its definitions so that every
 * caller starts, moves and reads a request the same way.
 */
export async function startCustomizationRequest(
  client: Client,
  taskQueue: string,
  input: CustomizationRequestInput,
): Promise<void> {
  await startNumberedWorkflow(client, CUSTOMIZATION_REQUEST_WORKFLOW, {
    taskQueue,
    workflowId: requirementWorkflowId(input.requirementId),
    args: [input],
  });
}

/**
 * The state once the workflow's first schedule (the assessment deadline) is recorded: one
 * `received` Update, answered by the workflow itself, so nobody polls the database for it.
 */
export async function firstRequirementState(
  client: Client,
  requirementId: string,
  timeoutMs?: number,
): Promise<RequirementState> {
  const handle = client.workflow.getHandle(requirementWorkflowId(requirementId));
  return runUpdate(handle, requirementReceivedUpdate, [], {
    updateId: `received:${requirementId}`,
    timeoutMs,
  });
}

/**
 * Runs one action as an Update and returns the state after it. A refusal throws the workflow's
 * DomainError (403/409/400 through the api's error filter). `updateId` makes a retried HTTP
 * request idempotent (use the request id or an Idempotency-Key). If the change is accepted but
 * not recorded within `timeoutMs` (database down: the activity keeps retrying), throws
 * `dependency_unavailable`; the workflow still records it once the database is back.
 */
export async function runRequirementAction<A extends RequirementAction>(
  client: Client,
  requirementId: string,
  action: A,
  command: RequirementCommand<A>,
  options: { updateId?: string; timeoutMs?: number } = {},
): Promise<RequirementState> {
  const handle = client.workflow.getHandle(requirementWorkflowId(requirementId));
  const update: RequirementUpdate<A> = requirementUpdates[action];
  return runUpdate(handle, update, [command], options);
}

/** The workflow's state (deadlines, breaches, work log) while it runs. */
export async function queryRequirementState(
  client: Client,
  requirementId: string,
): Promise<RequirementState> {
  return client.workflow
    .getHandle(requirementWorkflowId(requirementId))
    .query(requirementStateQuery);
}
