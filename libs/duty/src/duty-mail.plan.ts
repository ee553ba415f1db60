import { recipientsOf } from '@luyue/domain';
import { dutyStep } from './duty.process';
import type { DutyAction, DutyEvent, DutyNotify, DutyState } from './duty.types';

/** A mail the persisting activity renders and queues, at most once per `messageKey`. */
export interface DutyMail {
  messageKey: string;
  template: string;
  to: string[];
}

/**
 * The mail of one persisted write: everyone the table names for the step, the hospital side
 * narrowed to the plan's signer roles (the manager always hears of a breach), never the actor.
 */
export function dutyMails(
  step: DutyAction | DutyEvent,
  state: Pick<DutyState, 'occurrenceId' | 'plan'>,
  seq: number,
  notify: DutyNotify,
  actorEmail: string | null,
): DutyMail[] {
  const told = dutyStep(step).notify.filter(
    (r) =>
      r === 'vendor_pm' ||
      r === 'vendor_dev' ||
      (state.plan.signers as readonly string[]).includes(r) ||
      (step === 'breached' && r === 'hospital_manager'),
  );
  const to = recipientsOf(told, (r) => notify[r] ?? [], actorEmail);
  if (to.length === 0) return [];
  return [{ messageKey: `${state.occurrenceId}:${seq}:duty`, template: 'duty-notice', to }];
}
