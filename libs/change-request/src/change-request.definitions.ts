import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  CHANGE_ACTIONS,
  type ChangeAction,
  type ChangeCommand,
  type ChangeRequestInput,
  type ChangeRequestState,
} from './change-request.types';

/** Workflow type of a change request; its workflow id is the change number (CHG-…). */
export const CHANGE_REQUEST_WORKFLOW = 'changeRequestWorkflow';

export type ChangeUpdate<A extends ChangeAction> = UpdateDefinition<
  ChangeRequestState,
  [ChangeCommand<A>],
  `change_request.${A}`
>;

export type ChangeUpdates = { [A in ChangeAction]: ChangeUpdate<A> };

/** One Update per action (`change_request.<action>`), answering the state after it. */
export const changeUpdates = Object.fromEntries(
  CHANGE_ACTIONS.map((action) => [action, defineUpdate(`change_request.${action}`)]),
) as ChangeUpdates;

export const changeStateQuery = defineQuery<ChangeRequestState>('changeRequestState');

/** Answers once the reply deadlines are recorded (sent with the start, update-with-start). */
export const changeReceivedUpdate = defineUpdate<ChangeRequestState, []>('change_request.received');

/** Input of `changeRequestWorkflow`; a change has at most a handful of events, so one run. */
export type ChangeRequestRunInput = ChangeRequestInput;
