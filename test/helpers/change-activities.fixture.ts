import type { WorkingDayCalendar } from '@luyue/calendar';
import type {
  EffectResult,
  ChangeRequestActivities,
  ChangeTransitionInput,
} from '@luyue/change-request/definitions';
import type { DeadlineWatchActivities } from '@luyue/temporal/definitions';

/** The change-request activities with the real calendar; the database is a list of writes. */
export function recordingChangeActivities(calendar: () => WorkingDayCalendar) {
  const writes: ChangeTransitionInput[] = [];
  const effects: string[] = [];
  const seen = new Set<number>();
  const applied = new Map<string, EffectResult>();
  const activities: ChangeRequestActivities & Pick<DeadlineWatchActivities, 'computeDeadline'> = {
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
    persistChangeTransition: async (input) => {
      if (!seen.has(input.transitionSeq)) writes.push(input);
      seen.add(input.transitionSeq);
      return Promise.resolve();
    },
    applyChangeEffect: async ({ key, effect }) => {
      const first = applied.get(key);
      if (first) return first;
      effects.push(key);
      const result: EffectResult = { effect, outcome: 'applied', message: null };
      applied.set(key, result);
      return Promise.resolve(result);
    },
  };
  return { writes, effects, activities };
}
