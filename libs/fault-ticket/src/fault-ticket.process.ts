import type { ActionRule, EventRule, ProcessTable } from '@luyue/domain';
import { FAULT_STEP_WORDING } from '@luyue/domain';
import {
  FAULT_ACTIONS,
  type FaultAction,
  type FaultEvent,
  type FaultRecipient,
  type FaultStatus,
} from './fault-ticket.types';

const VENDOR = ['vendor_pm', 'vendor_dev'] as const;
const HOSPITAL = ['hospital_manager', 'hospital_staff'] as const;
const PARTIES = [...VENDOR, ...HOSPITAL] as const;
/** While some clock can still run: before the service report is submitted. */
const WORKING: FaultStatus[] = ['reported', 'acknowledged', 'on_site', 'restored', 'resolved'];
const EVERYONE: FaultRecipient[] = ['reporter', 'hospital_manager', ...VENDOR];

/** Steps a party may take but nothing waits for: they keep a ticket off his "waiting for me". */
const OPTIONAL: readonly FaultAction[] = [
  'reopen',
  'confirm-level',
  'pause',
  'resume',
  'request-extension',
];

type Rule = ActionRule<FaultStatus, FaultRecipient>;
const rule = (
  action: FaultAction,
  roles: Rule['roles'],
  from: Rule['from'],
  to: FaultStatus | null,
  notify: Rule['notify'],
): Rule => ({
  roles,
  from,
  to,
  notify,
  ...(OPTIONAL.includes(action) ? { optional: true as const } : {}),
  ...FAULT_STEP_WORDING[action],
});
const event = (e: FaultEvent, notify: FaultRecipient[]): EventRule<FaultRecipient> => ({
  notify,
  ...FAULT_STEP_WORDING[e],
});

/**
 * Fault tickets (rule 6): every action and event in one place. Clocks run from the report:
 * response stops at `acknowledge`, on-site at `arrive`, recovery at `restore`, the report clock
 * (started at `restore`) at `submit-report`; a pause stops them all, a level change retargets them.
 */
export const FAULT_PROCESS: ProcessTable<FaultStatus, FaultAction, FaultEvent, FaultRecipient> = {
  order: FAULT_ACTIONS,
  actions: {
    acknowledge: rule('acknowledge', VENDOR, ['reported'], 'acknowledged', [
      'reporter',
      'hospital_manager',
    ]),
    arrive: rule('arrive', VENDOR, ['acknowledged'], 'on_site', ['reporter']),
    restore: rule('restore', VENDOR, ['acknowledged', 'on_site'], 'restored', [
      'reporter',
      'hospital_manager',
    ]),
    resolve: rule('resolve', VENDOR, ['restored'], 'resolved', ['hospital_manager']),
    'submit-report': rule('submit-report', VENDOR, ['resolved'], 'report_submitted', [
      'reporter',
      'hospital_manager',
    ]),
    sign: rule('sign', HOSPITAL, ['report_submitted'], 'closed', [...VENDOR]),
    reopen: rule('reopen', HOSPITAL, ['restored', 'resolved', 'report_submitted'], 'acknowledged', [
      ...VENDOR,
    ]),
    'confirm-level': rule('confirm-level', HOSPITAL, WORKING, null, [...VENDOR]),
    pause: rule('pause', PARTIES, WORKING, null, ['hospital_manager', 'vendor_pm']),
    'confirm-pause': rule('confirm-pause', HOSPITAL, WORKING, null, [...VENDOR]),
    'refuse-pause': rule('refuse-pause', HOSPITAL, WORKING, null, [...VENDOR]),
    resume: rule('resume', PARTIES, WORKING, null, ['hospital_manager', 'vendor_pm']),
    'request-extension': rule('request-extension', VENDOR, WORKING, null, ['hospital_manager']),
    'grant-extension': rule('grant-extension', ['hospital_manager'], WORKING, null, [...VENDOR]),
    'refuse-extension': rule('refuse-extension', ['hospital_manager'], WORKING, null, [...VENDOR]),
  },
  events: {
    reported: event('reported', [...VENDOR, 'hospital_manager']),
    clock_warning: event('clock_warning', [...VENDOR]),
    clock_breached: event(
      'clock_breached',
      EVERYONE.filter((r) => r !== 'reporter'),
    ),
    clocks_recomputed: event('clocks_recomputed', []),
  },
};

export function faultStep(step: FaultAction | FaultEvent): {
  notify: readonly FaultRecipient[];
  label: string;
  headline: string;
} {
  return Object.hasOwn(FAULT_PROCESS.actions, step)
    ? FAULT_PROCESS.actions[step as FaultAction]
    : FAULT_PROCESS.events[step as FaultEvent];
}
