import type { WorkingDayCalendar } from '@luyue/calendar';
import {
  advanceClocks,
  type FaultTicketActivities,
  type FaultTransitionInput,
} from '@luyue/fault-ticket/definitions';
import { coverageMath } from '@luyue/fault-ticket';

/** The fault-ticket activities with the real clock arithmetic; the database is a list of writes. */
export function recordingFaultActivities(calendar: () => WorkingDayCalendar) {
  const writes: FaultTransitionInput[] = [];
  const seen = new Set<string>();
  const activities: FaultTicketActivities = {
    advanceFaultClocks: ({ clocks, at, ops }) =>
      Promise.resolve(advanceClocks(coverageMath(calendar()), clocks, at, ops)),
    persistFaultTransition: (input) => {
      const key = `${input.ticketId}:${input.transitionSeq}`;
      if (!seen.has(key)) writes.push(input);
      seen.add(key);
      return Promise.resolve();
    },
  };
  return { writes, activities };
}
