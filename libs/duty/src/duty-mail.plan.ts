import { recipientsOf } from '@luyue/domain';
import { dutyStep } from './duty.process';
import type { DutyAction, DutyEvent, DutyNotify, DutyState } from './duty.types';

/** The purpose of a signer's mailed link: it signs (or refuses) one occurrence's record. */
export const DUTY_SIGN_PURPOSE = 'duty_occurrence.sign';

/** A mail the persisting activity renders and queues; `link` asks for a personal signing link. */
export interface DutyMail {
  messageKey: string;
  template: string;
  to: string[];
  link: { recipient: string } | null;
}

/**
 * The mail of one persisted write. A new record goes to each user of a signer role that has
 * not signed it, one message each with a personal signing link; everyone else the table names
 * (the hospital side narrowed to the plan's signer roles; the manager always hears of a breach)
 * gets one shared message, never the actor.
 */
export function dutyMails(
  step: DutyAction | DutyEvent,
  state: Pick<DutyState, 'occurrenceId' | 'plan' | 'signatures'>,
  seq: number,
  notify: DutyNotify,
  actorEmail: string | null,
): DutyMail[] {
  const base = `${state.occurrenceId}:${seq}:duty`;
  const signers = state.plan.signers as readonly string[];
  if (step === 'record') {
    const waiting = state.plan.signers.filter((r) => !state.signatures.some((s) => s.role === r));
    return recipientsOf(waiting, (r) => notify[r] ?? [], actorEmail).map((recipient) => ({
      messageKey: `${base}:${recipient.toLowerCase()}`,
      template: 'duty-sign-link',
      to: [recipient],
      link: { recipient },
    }));
  }
  const told = dutyStep(step).notify.filter(
    (r) =>
      r === 'vendor_pm' ||
      r === 'vendor_dev' ||
      signers.includes(r) ||
      (step === 'breached' && r === 'hospital_manager'),
  );
  const to = recipientsOf(told, (r) => notify[r] ?? [], actorEmail);
  if (to.length === 0) return [];
  return [{ messageKey: base, template: 'duty-notice', to, link: null }];
}
