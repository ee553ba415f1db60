import {
  coverage,
  coveredMinutesBetween,
  dueAfterMs,
  endOfCoveredDay,
  type Coverage,
  type WorkingDayCalendar,
} from '@luyue/calendar';
import type { CoverageMath } from '../fault-clock';
import type { CoverageSpec } from '../sla-policy';

/** The clocks' arithmetic on one calendar (the activity's, or a test's). */
export function coverageMath(calendar: WorkingDayCalendar): CoverageMath {
  const parsed = new Map<string, Coverage>();
  const of = (spec: CoverageSpec): Coverage => {
    const key = `${spec.days}|${spec.segments.join(',')}`;
    let c = parsed.get(key);
    if (!c) parsed.set(key, (c = coverage(spec.days, spec.segments)));
    return c;
  };
  return {
    dueAfter(spec, from, ms) {
      const due = dueAfterMs(calendar, of(spec), new Date(from), Math.round(ms));
      return { at: due.due.toISOString(), provisional: due.provisional };
    },
    coveredMs(spec, from, to) {
      return coveredMinutesBetween(calendar, of(spec), new Date(from), new Date(to)).ms;
    },
    restOfDayMinutes(spec, from) {
      const end = endOfCoveredDay(calendar, of(spec), new Date(from));
      return coveredMinutesBetween(calendar, of(spec), new Date(from), end.due).minutes;
    },
  };
}
