import type { ProcessTable } from '@luyue/domain';
import { CHANGE_STEP_WORDING, EFFECTS_NOT_ALL_APPLIED_HEADLINE, replyWithin } from '@luyue/domain';
import {
  CHANGE_ACTIONS,
  type ChangeAction,
  type ChangeEvent,
  type ChangeRequestState,
  type ChangeStatus,
} from './change-request.types';

/**
 * Who hears about a step: roles of the contract's parties, the proposer, or the deciding users
 * of the parties whose reply is still due (each gets a personal reply link).
 */
export type ChangeRecipient =
  | 'hospital_manager'
  | 'vendor_pm'
  | 'vendor_dev'
  | 'supervisor'
  | 'hospital_staff'
  | 'proposer'
  | 'pending_deciders';

export type ChangeStep = ChangeAction | ChangeEvent | 'proposed';

const EVERY_PARTY = ['hospital_manager', 'vendor_pm', 'supervisor', 'proposer'] as const;

/**
 * Change requests (rule 3): every action and event in one place. A reply's next state
 * is decided by the replies so far (agreed, rejected or still waiting), hence `to: null`.
 */
export const CHANGE_PROCESS: ProcessTable<
  ChangeStatus,
  ChangeAction,
  ChangeEvent | 'proposed',
  ChangeRecipient
> = {
  order: CHANGE_ACTIONS,
  actions: {
    reply: {
      roles: ['hospital_manager', 'vendor_pm', 'supervisor'],
      from: ['awaiting_replies'],
      to: null,
      notify: ['proposer'],
      label: CHANGE_STEP_WORDING.reply.label,
      headline: CHANGE_STEP_WORDING.reply.headline,
    },
    withdraw: {
      roles: ['hospital_staff', 'hospital_manager', 'vendor_pm', 'supervisor'],
      from: ['awaiting_replies'],
      to: 'withdrawn',
      optional: true,
      notify: [...EVERY_PARTY],
      label: CHANGE_STEP_WORDING.withdraw.label,
      headline: CHANGE_STEP_WORDING.withdraw.headline,
    },
    confirm: {
      roles: ['vendor_pm'],
      from: ['agreed'],
      to: 'confirmed',
      notify: [...EVERY_PARTY],
      label: CHANGE_STEP_WORDING.confirm.label,
      headline: CHANGE_STEP_WORDING.confirm.headline,
    },
    'start-implementation': {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['confirmed'],
      to: 'implementing',
      notify: ['hospital_manager', 'supervisor', 'proposer'],
      label: CHANGE_STEP_WORDING['start-implementation'].label,
      headline: CHANGE_STEP_WORDING['start-implementation'].headline,
    },
    archive: {
      roles: ['vendor_pm', 'vendor_dev'],
      from: ['implementing'],
      to: 'archiving',
      notify: ['hospital_manager', 'supervisor'],
      label: CHANGE_STEP_WORDING.archive.label,
      headline: CHANGE_STEP_WORDING.archive.headline,
    },
    close: {
      roles: ['vendor_pm', 'supervisor'],
      from: ['archiving'],
      to: 'closed',
      notify: [...EVERY_PARTY],
      label: CHANGE_STEP_WORDING.close.label,
      headline: CHANGE_STEP_WORDING.close.headline,
    },
  },
  events: {
    proposed: {
      notify: [],
      label: CHANGE_STEP_WORDING.proposed.label,
      headline: CHANGE_STEP_WORDING.proposed.headline,
    },
    replies_requested: {
      notify: ['pending_deciders'],
      label: CHANGE_STEP_WORDING.replies_requested.label,
      // {replyWithin}: the contract's reply period, filled in by changeHeadline.
      headline: CHANGE_STEP_WORDING.replies_requested.headline,
    },
    reply_reminder: {
      notify: ['pending_deciders'],
      label: CHANGE_STEP_WORDING.reply_reminder.label,
      headline: CHANGE_STEP_WORDING.reply_reminder.headline,
    },
    agreed: {
      notify: [...EVERY_PARTY],
      label: CHANGE_STEP_WORDING.agreed.label,
      headline: CHANGE_STEP_WORDING.agreed.headline,
    },
    rejected: {
      notify: [...EVERY_PARTY],
      label: CHANGE_STEP_WORDING.rejected.label,
      headline: CHANGE_STEP_WORDING.rejected.headline,
    },
    lapsed: {
      notify: [...EVERY_PARTY],
      label: CHANGE_STEP_WORDING.lapsed.label,
      headline: CHANGE_STEP_WORDING.lapsed.headline,
    },
    effects_applied: {
      notify: ['hospital_manager', 'vendor_pm'],
      label: CHANGE_STEP_WORDING.effects_applied.label,
      headline: CHANGE_STEP_WORDING.effects_applied.headline,
    },
    deadlines_recomputed: {
      notify: [],
      label: CHANGE_STEP_WORDING.deadlines_recomputed.label,
      headline: CHANGE_STEP_WORDING.deadlines_recomputed.headline,
    },
  },
};

export function changeStep(step: ChangeStep): (typeof CHANGE_PROCESS.events)[ChangeEvent] {
  return Object.hasOwn(CHANGE_PROCESS.actions, step)
    ? CHANGE_PROCESS.actions[step as ChangeAction]
    : CHANGE_PROCESS.events[step as ChangeEvent | 'proposed'];
}

/**
 * The headline of a step's mail: the reply period the change was given (its contract's setting
 * when proposed), and an honest word when an effect was refused.
 */
export function changeHeadline(
  step: ChangeStep,
  state: Pick<ChangeRequestState, 'effectResults'>,
  replyWorkingDays?: number,
): string {
  if (step === 'effects_applied' && state.effectResults?.some((r) => r.outcome !== 'applied')) {
    return EFFECTS_NOT_ALL_APPLIED_HEADLINE;
  }
  const within = replyWithin(replyWorkingDays);
  return changeStep(step).headline.replace('{replyWithin}', within);
}
