import type { ActionRule, EventRule, ProcessTable } from '@luyue/domain';
import { DUTY_STEP_WORDING } from '@luyue/domain';
import {
  DUTY_ACTIONS,
  type DutyAction,
  type DutyEvent,
  type DutyRecipient,
  type DutyStatus,
} from './duty.types';

const VENDOR = ['vendor_pm', 'vendor_dev'] as const;
const HOSPITAL = ['hospital_manager', 'hospital_staff'] as const;

type Rule = ActionRule<DutyStatus, DutyRecipient>;
const rule = (
  action: DutyAction,
  roles: Rule['roles'],
  from: Rule['from'],
  to: DutyStatus | null,
  notify: Rule['notify'],
  optional = false,
): Rule => ({
  roles,
  from,
  to,
  notify,
  ...(optional ? { optional: true as const } : {}),
  ...DUTY_STEP_WORDING[action],
});
const event = (e: DutyEvent, notify: DutyRecipient[]): EventRule<DutyRecipient> => ({
  notify,
  ...DUTY_STEP_WORDING[e],
});

/**
 * Scheduled duties (rule 7): the vendor records, each of the plan's signer roles signs (the last
 * signature makes it done), a signer may refuse it back. Hospital recipients of a step are only
 * the plan's signer roles (see the mail plan).
 */
export const DUTY_PROCESS: ProcessTable<DutyStatus, DutyAction, DutyEvent, DutyRecipient> = {
  order: DUTY_ACTIONS,
  actions: {
    record: rule('record', VENDOR, ['open', 'returned', 'recorded'], 'recorded', [...HOSPITAL]),
    // The state moves to `signed` with the last signer's signature, in the reducer.
    sign: rule('sign', HOSPITAL, ['recorded'], null, [...VENDOR]),
    refuse: rule('refuse', HOSPITAL, ['recorded'], 'returned', [...VENDOR]),
    cancel: rule(
      'cancel',
      ['hospital_manager'],
      ['open', 'returned', 'recorded'],
      'cancelled',
      [...VENDOR],
      true,
    ),
  },
  events: {
    reminded: event('reminded', [...VENDOR]),
    breached: event('breached', [...VENDOR, 'hospital_manager']),
    rescheduled: event('rescheduled', []),
    withdrawn: event('withdrawn', [...VENDOR]),
    unscheduled: event('unscheduled', [...VENDOR]),
  },
};

export function dutyStep(step: DutyAction | DutyEvent): {
  notify: readonly DutyRecipient[];
  label: string;
  headline: string;
} {
  return Object.hasOwn(DUTY_PROCESS.actions, step)
    ? DUTY_PROCESS.actions[step as DutyAction]
    : DUTY_PROCESS.events[step as DutyEvent];
}
