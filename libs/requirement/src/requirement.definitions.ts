import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  REQUIREMENT_ACTIONS,
  type CustomizationRequestInput,
  type RequirementAction,
  type RequirementCommand,
  type RequirementState,
} from './requirement.types';

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
 * Answers once the first schedule (the assessment deadline, `assessment_scheduled`) is recorded,
 * with the state; later it answers the current state at once. Sent with the start
 * (update-with-start) so the api answers a submission with its deadline without polling.
 */
export const requirementReceivedUpdate = defineUpdate<RequirementState, []>('requirement.received');

/** Everything a run continued as new carries over besides the original input. */
export interface CustomizationRequestResume {
  state: RequirementState;
  /** A calendar change signalled just before the previous run ended, still to apply. */
  calendarChanged: boolean;
}

/**
 * Input of every run of `customizationRequestWorkflow`: the submission (with settings and
 * notify), and from the second run on the state it resumes from.
 */
export type CustomizationRequestRunInput = CustomizationRequestInput & {
  resume?: CustomizationRequestResume;
  /** Continue as new once the history passes this many events (default 2,000; tests lower it). */
  continueAsNewAfterEvents?: number;
};
