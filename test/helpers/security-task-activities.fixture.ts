import type { WorkingDayCalendar } from '@luyue/calendar';
import type { DeadlineWatchActivities } from '@luyue/temporal/definitions';
import type {
  RemediationTransitionInput,
  SecurityTaskActivities,
} from '@luyue/security/definitions';

/** The security-task activities with the real calendar; the database is a list of writes. */
export function recordingSecurityTaskActivities(calendar: () => WorkingDayCalendar) {
  const writes: RemediationTransitionInput[] = [];
  const seen = new Set<string>();
  const activities: SecurityTaskActivities & Pick<DeadlineWatchActivities, 'computeDeadline'> = {
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
    persistSecurityTaskTransition: async (input) => {
      const key = `${input.taskId}:${input.transitionSeq}`;
      if (!seen.has(key)) writes.push(input);
      seen.add(key);
      return Promise.resolve();
    },
  };
  return { writes, activities };
}
