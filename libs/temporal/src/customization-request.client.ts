import { WithStartWorkflowOperation, WorkflowUpdateStage, type Client } from '@temporalio/client';
import {
  DomainError,
  type CustomizationRequestInput,
  type RequirementAction,
  type RequirementCommand,
  type RequirementState,
} from '@luyue/domain';
import {
  CUSTOMIZATION_REQUEST_WORKFLOW,
  requirementReceivedUpdate,
  requirementStateQuery,
  requirementUpdates,
  requirementWorkflowId,
  type RequirementUpdate,
} from './definitions';
import { domainErrorOf } from './update-failure.mapper';

/**
 * The api side of the customization-request workflow, kept next to its definitions so that every
 * caller starts, moves and reads a request the same way.
 */
export async function startCustomizationRequest(
  client: Client,
  taskQueue: string,
  input: CustomizationRequestInput,
): Promise<void> {
  await client.workflow.start(CUSTOMIZATION_REQUEST_WORKFLOW, {
    taskQueue,
    workflowId: requirementWorkflowId(input.requirementId),
    args: [input],
  });
}

/**
 * Starts a request and returns its state once the first schedule (the assessment deadline) is
 * recorded, in one call (update-with-start) instead of polling the database. A request whose
 * workflow is still running is refused (`WorkflowExecutionAlreadyStartedError`), never joined.
 */
export async function startCustomizationRequestWithFirstState(
  client: Client,
  taskQueue: string,
  input: CustomizationRequestInput,
): Promise<RequirementState> {
  const startWorkflowOperation = new WithStartWorkflowOperation(CUSTOMIZATION_REQUEST_WORKFLOW, {
    taskQueue,
    workflowId: requirementWorkflowId(input.requirementId),
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
  });
  return client.workflow.executeUpdateWithStart(requirementReceivedUpdate, {
    startWorkflowOperation,
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
  let timer: NodeJS.Timeout | undefined;
  try {
    const started = await handle.startUpdate(update, {
      args: [command],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
      updateId: options.updateId,
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DomainError(
              'dependency_unavailable',
              'The change was accepted but is not recorded yet; it will be shortly',
              { updateId: started.updateId },
            ),
          ),
        options.timeoutMs ?? 20_000,
      );
    });
    return await Promise.race([started.result(), timeout]);
  } catch (error) {
    throw domainErrorOf(error) ?? error;
  } finally {
    clearTimeout(timer);
  }
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
