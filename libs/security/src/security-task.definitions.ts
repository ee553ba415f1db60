import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  REMEDIATION_ACTIONS,
  type RemediationAction,
  type RemediationCommand,
  type RemediationInput,
  type RemediationState,
  type RetestImportResult,
} from './security-task.types';

/** Workflow type of one security task's remediation. */
export const SECURITY_TASK_WORKFLOW = 'securityTaskWorkflow';

export const securityTaskWorkflowId = (taskId: string): string => `security-task:${taskId}`;

export type RemediationUpdate<A extends RemediationAction> = UpdateDefinition<
  RemediationState,
  [RemediationCommand<A>],
  `security_task.${A}`
>;

export type RemediationUpdates = { [A in RemediationAction]: RemediationUpdate<A> };

/** One Update per action (`security_task.<action>`), answering the state after it. */
export const remediationUpdates = Object.fromEntries(
  REMEDIATION_ACTIONS.map((action) => [action, defineUpdate(`security_task.${action}`)]),
) as RemediationUpdates;

/** A retest import's results for this task; sent with updateId `retest:<importId>`. */
export const retestImportUpdate = defineUpdate<RemediationState, [RetestImportResult]>(
  'security_task.retest_import',
);

export const remediationStateQuery = defineQuery<RemediationState>('securityTaskState');

/** Answers once the first fix deadline is recorded (sent with the start, update-with-start). */
export const remediationReceivedUpdate = defineUpdate<RemediationState, []>(
  'security_task.received',
);

/** Input of `securityTaskWorkflow`; a task has a few dozen events at most, so one run. */
export type SecurityTaskRunInput = RemediationInput;
