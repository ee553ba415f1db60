import type { WorkingDayCalendar } from '@luyue/calendar';
import type { DutyActivities, DutyTransitionInput } from '@luyue/duty/definitions';
import { dutySlots } from '@luyue/duty';

/** The duty activities with the real schedule rules; the database is a list of writes. */
export function recordingDutyActivities(calendar: () => WorkingDayCalendar) {
  const writes: DutyTransitionInput[] = [];
  const seen = new Set<string>();
  const activities: DutyActivities = {
    placeDuty: ({ schedule, year, key }) =>
      Promise.resolve(dutySlots(schedule, year, calendar()).find((s) => s.key === key) ?? null),
    persistDutyTransition: (input) => {
      const key = `${input.occurrenceId}:${input.transitionSeq}`;
      if (!seen.has(key)) writes.push(input);
      seen.add(key);
      return Promise.resolve();
    },
  };
  return { writes, activities };
}
