import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  REQUIREMENT_ACTIONS,
  type RequirementAction,
  type RequirementCommand,
  type RequirementState,
} from '@luyue/domain';

/** Workflow type of a customization request; its workflow id is the request id (REQ-…). */
export const CUSTOMIZATION_REQUEST_WORKFLOW = 'customizationRequestWorkflow';

export const requirementWorkflowId = (requirementId: string): string => requirementId;

/** One Update per action, returning the state after it: `requirement.<action>`. */
export type RequirementUpdate<A extends RequirementAction> = UpdateDefinition<
  RequirementState,
  [RequirementCommand<A>],
  `requirement.${A}`
>;

export type RequirementUpdates = { [A in RequirementAction]: RequirementUpdate<A> };

/**
 * `requirementUpdates[action]` for both sides: the workflow sets a handler with a validator for
 * each, the api calls `handle.executeUpdate(requirementUpdates[action], { args: [command] })`.
 */
export const requirementUpdates = Object.fromEntries(
  REQUIREMENT_ACTIONS.map((action) => [action, defineUpdate(`requirement.${action}`)]),
) as RequirementUpdates;

/** The workflow's whole state: status, deadlines, work log, breaches. */
export const requirementStateQuery = defineQuery<RequirementState>('requirementState');

/**
 * Sent with the workflow's start (update-with-start): answers once the first schedule (the
 * assessment deadline) is recorded, so a submission gets its deadline without polling.
 */
export const requirementReceivedUpdate = defineUpdate<RequirementState, []>('requirement.received');
