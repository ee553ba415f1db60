import type { ProcessTable, Role } from '@luyue/domain';
import { REMEDIATION_STEP_WORDING } from '@luyue/domain';
import {
  REMEDIATION_ACTIONS,
  type RemediationAction,
  type RemediationEvent,
  type RemediationStatus,
} from './security-task.types';

/** Who hears about a step: roles of the contract's hospital and vendor. */
export type RemediationRecipient = Extract<
  Role,
  'hospital_manager' | 'hospital_staff' | 'vendor_pm' | 'vendor_dev'
>;

/**
 * `notice_issued` is recorded once per notice by the import (one mail for all its tasks), not
 * by a task's workflow; it is here so its recipients and wording are written once.
 */
export type RemediationStep = RemediationAction | RemediationEvent | 'notice_issued';

const VENDOR = ['vendor_pm', 'vendor_dev'] as const;
const HOSPITAL = ['hospital_manager', 'hospital_staff'] as const;
const WORKING = ['open', 'in_progress', 'reopened'] as const;

/**
 * Security remediation (rule 4): every action and event in one place. `fix` and `verify` act
 * per asset line, so their next state depends on the other lines (`to: null`); a refused false
 * positive returns to the state before the proposal.
 */
export const REMEDIATION_PROCESS: ProcessTable<
  RemediationStatus,
  RemediationAction,
  RemediationEvent | 'notice_issued',
  RemediationRecipient
> = {
  order: REMEDIATION_ACTIONS,
  actions: {
    start: {
      roles: [...VENDOR],
      from: ['open', 'reopened'],
      to: 'in_progress',
      notify: ['hospital_manager'],
      label: REMEDIATION_STEP_WORDING.start.label,
      headline: REMEDIATION_STEP_WORDING.start.headline,
    },
    fix: {
      roles: [...VENDOR],
      from: [...WORKING],
      to: null,
      notify: ['hospital_manager'],
      label: REMEDIATION_STEP_WORDING.fix.label,
      headline: REMEDIATION_STEP_WORDING.fix.headline,
    },
    'request-retest': {
      roles: [...VENDOR],
      from: ['fixed'],
      to: 'retest_requested',
      notify: [...HOSPITAL],
      label: REMEDIATION_STEP_WORDING['request-retest'].label,
      headline: REMEDIATION_STEP_WORDING['request-retest'].headline,
    },
    verify: {
      roles: [...HOSPITAL],
      from: ['retest_requested'],
      to: null,
      notify: [...VENDOR, 'hospital_manager'],
      label: REMEDIATION_STEP_WORDING.verify.label,
      headline: REMEDIATION_STEP_WORDING.verify.headline,
    },
    'fail-retest': {
      roles: [...HOSPITAL],
      from: ['retest_requested'],
      to: 'reopened',
      notify: [...VENDOR, 'hospital_manager'],
      label: REMEDIATION_STEP_WORDING['fail-retest'].label,
      headline: REMEDIATION_STEP_WORDING['fail-retest'].headline,
    },
    'accept-risk': {
      roles: ['hospital_manager'],
      from: [...WORKING],
      to: 'risk_accepted',
      optional: true,
      notify: [...VENDOR, 'hospital_staff'],
      label: REMEDIATION_STEP_WORDING['accept-risk'].label,
      headline: REMEDIATION_STEP_WORDING['accept-risk'].headline,
    },
    'propose-false-positive': {
      roles: [...VENDOR],
      from: [...WORKING],
      to: 'false_positive_proposed',
      notify: ['hospital_manager'],
      label: REMEDIATION_STEP_WORDING['propose-false-positive'].label,
      headline: REMEDIATION_STEP_WORDING['propose-false-positive'].headline,
    },
    'confirm-false-positive': {
      roles: ['hospital_manager'],
      from: ['false_positive_proposed'],
      to: 'false_positive',
      notify: [...VENDOR],
      label: REMEDIATION_STEP_WORDING['confirm-false-positive'].label,
      headline: REMEDIATION_STEP_WORDING['confirm-false-positive'].headline,
    },
    'refuse-false-positive': {
      roles: ['hospital_manager'],
      from: ['false_positive_proposed'],
      to: null,
      notify: [...VENDOR],
      label: REMEDIATION_STEP_WORDING['refuse-false-positive'].label,
      headline: REMEDIATION_STEP_WORDING['refuse-false-positive'].headline,
    },
  },
  events: {
    notice_issued: {
      notify: [...VENDOR],
      label: REMEDIATION_STEP_WORDING.notice_issued.label,
      headline: REMEDIATION_STEP_WORDING.notice_issued.headline,
    },
    issued: {
      notify: [],
      label: REMEDIATION_STEP_WORDING.issued.label,
      headline: REMEDIATION_STEP_WORDING.issued.headline,
    },
    fix_reminder: {
      notify: [...VENDOR],
      label: REMEDIATION_STEP_WORDING.fix_reminder.label,
      headline: REMEDIATION_STEP_WORDING.fix_reminder.headline,
    },
    fix_breached: {
      notify: [...VENDOR, 'hospital_manager'],
      label: REMEDIATION_STEP_WORDING.fix_breached.label,
      headline: REMEDIATION_STEP_WORDING.fix_breached.headline,
    },
    retest_reminder: {
      notify: [...HOSPITAL],
      label: REMEDIATION_STEP_WORDING.retest_reminder.label,
      headline: REMEDIATION_STEP_WORDING.retest_reminder.headline,
    },
    retest_overdue: {
      notify: ['hospital_manager'],
      label: REMEDIATION_STEP_WORDING.retest_overdue.label,
      headline: REMEDIATION_STEP_WORDING.retest_overdue.headline,
    },
    retest_imported: {
      notify: [...VENDOR, 'hospital_manager'],
      label: REMEDIATION_STEP_WORDING.retest_imported.label,
      headline: REMEDIATION_STEP_WORDING.retest_imported.headline,
    },
    risk_expired: {
      notify: [...VENDOR, 'hospital_manager'],
      label: REMEDIATION_STEP_WORDING.risk_expired.label,
      headline: REMEDIATION_STEP_WORDING.risk_expired.headline,
    },
    deadlines_recomputed: {
      notify: [],
      label: REMEDIATION_STEP_WORDING.deadlines_recomputed.label,
      headline: REMEDIATION_STEP_WORDING.deadlines_recomputed.headline,
    },
  },
};

export function remediationStep(
  step: RemediationStep,
): (typeof REMEDIATION_PROCESS.events)[RemediationEvent] {
  return Object.hasOwn(REMEDIATION_PROCESS.actions, step)
    ? REMEDIATION_PROCESS.actions[step as RemediationAction]
    : REMEDIATION_PROCESS.events[step as RemediationEvent | 'notice_issued'];
}
