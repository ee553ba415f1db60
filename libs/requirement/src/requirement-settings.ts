import type { ContractSettings } from '@luyue/domain';
import type { CustomizationRequestSettings } from './requirement.types';

/** Issue 4: while released but not accepted, the hospital is reminded every 3 working days. */
export const SIGN_OFF_REMINDER_WORKING_DAYS = 3;

/**
 * The workflow's periods from a contract's settings. The delivery reminder goes out when a delay
 * can still be announced in time, i.e. `delayNoticeDays` before the planned date.
 */
export function customizationRequestSettings(
  contract: Pick<
    ContractSettings,
    'assessmentWorkingDays' | 'reminderLeadWorkingDays' | 'delayNoticeDays'
  >,
): CustomizationRequestSettings {
  return {
    assessmentWorkingDays: contract.assessmentWorkingDays,
    assessmentReminderLeadWorkingDays: contract.reminderLeadWorkingDays.assessment,
    deliveryReminderLeadDays: contract.delayNoticeDays,
    delayNoticeDays: contract.delayNoticeDays,
    signOffReminderWorkingDays: SIGN_OFF_REMINDER_WORKING_DAYS,
  };
}
