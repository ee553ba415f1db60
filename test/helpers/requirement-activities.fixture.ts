import type { WorkingDayCalendar } from '@luyue/calendar';
import {
  deliverySchedule,
  planQuotaOperation,
  type QuotaEntry,
} from '@luyue/requirement/definitions';
import type {
  CustomizationRequestActivities,
  RequirementTransitionInput,
  RequirementTransitionResult,
} from '@luyue/requirement/definitions';
import type { DeadlineWatchActivities } from '@luyue/temporal/definitions';

/**
 * The worker's activities with the real calendar (`calendar()` so a test can swap it); the
 * database is a list of writes (idempotent by seq, like the real one) and a quota ledger using the
 * same pure arithmetic as the worker.
 */
export function recordingRequirementActivities(
  calendar: () => WorkingDayCalendar,
  quotaTotal = 50,
) {
  const writes: RequirementTransitionInput[] = [];
  const quota: QuotaEntry[] = [];
  const results = new Map<number, RequirementTransitionResult>();
  const activities: CustomizationRequestActivities &
    Pick<DeadlineWatchActivities, 'computeDeadline'> = {
    computeDeadline: async ({ receivedAt, workingDays, reminderLeadDays }) => {
      const due = calendar().addWorkingDays(new Date(receivedAt), workingDays);
      const reminder =
        reminderLeadDays === null ? null : calendar().reminderAt(due.deadline, reminderLeadDays);
      return Promise.resolve({
        deadline: due.deadline.toISOString(),
        provisional: due.provisional || (reminder?.provisional ?? false),
        reminderAt: reminder ? reminder.deadline.toISOString() : null,
      });
    },
    computeDeliverySchedule: async ({ plannedDeliveryDate, reminderLeadDays }) =>
      Promise.resolve(deliverySchedule(plannedDeliveryDate, reminderLeadDays, calendar())),
    persistRequirementTransition: async (input) => {
      const stored = results.get(input.transitionSeq);
      if (stored) return stored;
      let result: RequirementTransitionResult = { outcome: 'applied', quota: null };
      if (input.quota) {
        const plan = planQuotaOperation(
          quotaTotal,
          quota,
          input.requirementId,
          input.quota,
          input.at,
        );
        if (!plan.ok) return { outcome: 'quota_exceeded', ...plan };
        quota.push(...plan.entries);
        result = { outcome: 'applied', quota: plan.summary };
      }
      writes.push(input);
      results.set(input.transitionSeq, result);
      return Promise.resolve(result);
    },
  };
  return { writes, quota, activities };
}
