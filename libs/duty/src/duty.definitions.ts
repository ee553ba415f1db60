import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { DUTY_ACTIONS, type DutyAction, type DutyCommand, type DutyState } from './duty.types';

/** Workflow type of one duty occurrence. */
export const DUTY_WORKFLOW = 'dutyWorkflow';

export const dutyWorkflowId = (occurrenceId: string): string => `duty:${occurrenceId}`;

export type DutyUpdate<A extends DutyAction> = UpdateDefinition<
  DutyState,
  [DutyCommand<A>],
  `duty.${A}`
>;

export type DutyUpdates = { [A in DutyAction]: DutyUpdate<A> };

/** One Update per action (`duty.<action>`), answering the state after it. */
export const dutyUpdates = Object.fromEntries(
  DUTY_ACTIONS.map((action) => [action, defineUpdate(`duty.${action}`)]),
) as DutyUpdates;

export const dutyStateQuery = defineQuery<DutyState>('dutyState');

/** Answers once the occurrence is recorded in the database. */
export const dutyReceivedUpdate = defineUpdate<DutyState, []>('duty.received');

/** Why an occurrence not due yet is withdrawn: its plan was replaced by an agreed change. */
export interface DutyWithdrawal {
  reason: string;
  changeRequestId: string | null;
}

/** Withdraws an open occurrence (recorded by the workflow, no person's step); ignored once final. */
export const dutyWithdrawnSignal = defineSignal<[DutyWithdrawal]>('duty.withdrawn');
