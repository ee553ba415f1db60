import type { Role, ProcessTable } from '@luyue/domain';
import { REQUIREMENT_STEP_WORDING } from '@luyue/domain';
import {
  REQUIREMENT_ACTIONS,
  type RequirementAction,
  type RequirementEvent,
  type RequirementStatus,
} from './requirement.types';

/** Who hears about a step: roles of the contract's parties, or the person who submitted it. */
export type RequirementRecipient = Role | 'submitter';

/** Steps the timeline shows: the actions, the workflow's events and the api's receipt. */
export type RequirementStep = RequirementAction | RequirementEvent | 'submitted';

const DELIVERING = ['approved', 'in_development', 'in_testing', 'testing_passed'] as const;

/** States in which the planned delivery date is being worked towards. */
export const DELIVERY_STATUSES: readonly RequirementStatus[] = DELIVERING;

/**
 * Customization requests (rule 1): every action and event, in one place. The api's
 * routes and roles, the workflow's checks, the mail and the pages all read this table.
 */
export const REQUIREMENT_PROCESS: ProcessTable<
  RequirementStatus,
  RequirementAction,
  RequirementEvent | 'submitted',
  RequirementRecipient
> = {
  order: REQUIREMENT_ACTIONS,
  actions: {
    assess: {
      roles: ['vendor_pm'],
      from: ['assessing'],
      to: 'awaiting_approval',
      notify: ['hospital_manager', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.assess.label,
      headline: REQUIREMENT_STEP_WORDING.assess.headline,
    },
    approve: {
      roles: ['hospital_manager'],
      from: ['awaiting_approval'],
      to: 'approved',
      notify: ['vendor_pm', 'vendor_dev', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.approve.label,
      headline: REQUIREMENT_STEP_WORDING.approve.headline,
    },
    // Also after approval, before development starts; a reservation is then released.
    reject: {
      roles: ['hospital_manager'],
      from: ['awaiting_approval', 'approved'],
      to: 'rejected',
      notify: ['vendor_pm', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.reject.label,
      headline: REQUIREMENT_STEP_WORDING.reject.headline,
    },
    'start-development': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['approved'],
      to: 'in_development',
      notify: ['submitter'],
      label: REQUIREMENT_STEP_WORDING['start-development'].label,
      headline: REQUIREMENT_STEP_WORDING['start-development'].headline,
    },
    'log-effort': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['in_development', 'in_testing'],
      to: null,
      optional: true,
      notify: [],
      label: REQUIREMENT_STEP_WORDING['log-effort'].label,
      headline: REQUIREMENT_STEP_WORDING['log-effort'].headline,
    },
    'submit-for-testing': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['in_development'],
      to: 'in_testing',
      notify: ['hospital_staff', 'hospital_manager', 'submitter'],
      label: REQUIREMENT_STEP_WORDING['submit-for-testing'].label,
      headline: REQUIREMENT_STEP_WORDING['submit-for-testing'].headline,
    },
    'pass-testing': {
      roles: ['hospital_staff', 'hospital_manager'],
      from: ['in_testing'],
      to: 'testing_passed',
      notify: ['vendor_pm'],
      label: REQUIREMENT_STEP_WORDING['pass-testing'].label,
      headline: REQUIREMENT_STEP_WORDING['pass-testing'].headline,
    },
    'fail-testing': {
      roles: ['hospital_staff', 'hospital_manager'],
      from: ['in_testing'],
      to: 'in_development',
      notify: ['vendor_pm', 'vendor_dev'],
      label: REQUIREMENT_STEP_WORDING['fail-testing'].label,
      headline: REQUIREMENT_STEP_WORDING['fail-testing'].headline,
    },
    release: {
      roles: ['vendor_pm'],
      from: ['testing_passed'],
      to: 'released',
      notify: ['hospital_manager', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.release.label,
      headline: REQUIREMENT_STEP_WORDING.release.headline,
    },
    accept: {
      roles: ['hospital_manager'],
      from: ['released'],
      to: 'accepted',
      notify: ['vendor_pm', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.accept.label,
      headline: REQUIREMENT_STEP_WORDING.accept.headline,
    },
    replan: {
      roles: ['vendor_pm'],
      from: DELIVERING,
      to: null,
      optional: true,
      notify: ['hospital_manager', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.replan.label,
      headline: REQUIREMENT_STEP_WORDING.replan.headline,
    },
    // Only before release: once released, the hospital signs off (or fails it in a new request).
    cancel: {
      roles: ['hospital_manager'],
      from: ['assessing', 'awaiting_approval', ...DELIVERING],
      to: 'cancelled',
      optional: true,
      notify: ['vendor_pm', 'vendor_dev', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.cancel.label,
      headline: REQUIREMENT_STEP_WORDING.cancel.headline,
    },
  },
  events: {
    submitted: {
      notify: [],
      label: REQUIREMENT_STEP_WORDING.submitted.label,
      headline: REQUIREMENT_STEP_WORDING.submitted.headline,
    },
    assessment_scheduled: {
      notify: ['vendor_pm'],
      label: REQUIREMENT_STEP_WORDING.assessment_scheduled.label,
      headline: REQUIREMENT_STEP_WORDING.assessment_scheduled.headline,
    },
    deadlines_recomputed: {
      notify: [],
      label: REQUIREMENT_STEP_WORDING.deadlines_recomputed.label,
      headline: REQUIREMENT_STEP_WORDING.deadlines_recomputed.headline,
    },
    assessment_reminder: {
      notify: ['vendor_pm'],
      label: REQUIREMENT_STEP_WORDING.assessment_reminder.label,
      headline: REQUIREMENT_STEP_WORDING.assessment_reminder.headline,
    },
    assessment_breached: {
      notify: ['hospital_manager', 'vendor_pm'],
      label: REQUIREMENT_STEP_WORDING.assessment_breached.label,
      headline: REQUIREMENT_STEP_WORDING.assessment_breached.headline,
    },
    delivery_reminder: {
      notify: ['vendor_pm'],
      label: REQUIREMENT_STEP_WORDING.delivery_reminder.label,
      headline: REQUIREMENT_STEP_WORDING.delivery_reminder.headline,
    },
    delivery_overdue: {
      notify: ['hospital_manager', 'vendor_pm'],
      label: REQUIREMENT_STEP_WORDING.delivery_overdue.label,
      headline: REQUIREMENT_STEP_WORDING.delivery_overdue.headline,
    },
    signoff_reminder: {
      notify: ['hospital_manager', 'submitter'],
      label: REQUIREMENT_STEP_WORDING.signoff_reminder.label,
      headline: REQUIREMENT_STEP_WORDING.signoff_reminder.headline,
    },
  },
};

/** The rule of any step, action or event. */
export function requirementStep(
  step: RequirementStep,
): (typeof REQUIREMENT_PROCESS.events)[RequirementEvent] {
  return Object.hasOwn(REQUIREMENT_PROCESS.actions, step)
    ? REQUIREMENT_PROCESS.actions[step as RequirementAction]
    : REQUIREMENT_PROCESS.events[step as RequirementEvent | 'submitted'];
}
