import {
  dayFromYmd,
  endOfDay,
  formatDay,
  instantOnDay,
  parseDay,
  weekdayOfDay,
  type WorkingDayCalendar,
} from '@luyue/calendar';
import type { ContractYear } from '@luyue/domain';
import type { DutyCadence, DutyPlan } from './duty-plan';
import type { DutySlot } from './duty-schedule.types';

export type { DutySlot } from './duty-schedule.types';

/** What a cadence yields before the calendar moves it: the nominal day and its period's start. */
interface Nominal {
  key: number;
  periodStart: number;
  /** Already the day it falls on (a holiday's last day, a day before a holiday). */
  fixedDay?: number;
}

const ymd = (day: number): [number, number, number] => {
  const d = new Date(day * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
const lastOfMonth = (y: number, m: number): number => dayFromYmd(y, m + 1, 1) - 1;
const dayIn = (y: number, m: number, d: number): number =>
  Math.min(dayFromYmd(y, m, 1) + d - 1, lastOfMonth(y, m));

/** The months (year, month) from `first`'s to `last`'s. */
function months(first: number, last: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let [y, m] = ymd(first);
  const [ly, lm] = ymd(last);
  while (y < ly || (y === ly && m <= lm)) {
    out.push([y, m]);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/**
 * Statutory holidays as spans of consecutive days off that hold at least one official holiday
 * (the weekend next to a one-day holiday belongs to it), each with its first holiday day.
 */
export function holidaySpans(
  calendar: WorkingDayCalendar,
  from: number,
  to: number,
): Array<{ first: number; start: number; end: number }> {
  const holidays = new Set<number>();
  for (let y = ymd(from)[0] - 1; y <= ymd(to)[0] + 1; y++) {
    for (const d of calendar.schedule(y).holidays) holidays.add(parseDay(d) as number);
  }
  const spans: Array<{ first: number; start: number; end: number }> = [];
  for (const h of [...holidays].sort((a, b) => a - b)) {
    if (spans.length > 0 && h <= spans[spans.length - 1].end) continue;
    let start = h;
    while (!calendar.isWorkingDayNumber(start - 1)) start--;
    let end = h;
    while (!calendar.isWorkingDayNumber(end + 1)) end++;
    if (h >= from && h <= to) spans.push({ first: h, start, end });
  }
  return spans;
}

function nominals(
  cadence: DutyCadence,
  calendar: WorkingDayCalendar,
  first: number,
  last: number,
): Nominal[] {
  switch (cadence.type) {
    case 'monthly':
      return months(first, last).map(([y, m]) => ({
        key: dayIn(y, m, cadence.day),
        periodStart: dayFromYmd(y, m, 1),
      }));
    case 'quarterly':
      return months(first, last)
        .filter(([, m]) => (m - 1) % 3 === cadence.month - 1)
        .map(([y, m]) => ({
          key: dayIn(y, m, cadence.day),
          periodStart: dayFromYmd(y, m - cadence.month + 1, 1),
        }));
    case 'times_a_year': {
      const step = 12 / cadence.times;
      const [y, m, d] = ymd(first);
      return Array.from({ length: cadence.times }, (_, i) => {
        const start = i === 0 ? first : dayFromYmd(y, m + i * step, d);
        const end = i === cadence.times - 1 ? last : dayFromYmd(y, m + (i + 1) * step, d) - 1;
        return { key: end, periodStart: start };
      });
    }
    case 'weekly': {
      const out: Nominal[] = [];
      const isoWeekday = (day: number): number => weekdayOfDay(day) || 7;
      let day = first + ((cadence.weekday - isoWeekday(first) + 7) % 7);
      for (; day <= last; day += 7) out.push({ key: day, periodStart: day - cadence.weekday + 1 });
      return out;
    }
    case 'before_holidays':
      return holidaySpans(calendar, first, last).map((span) => {
        let day = span.start;
        for (let n = 0; n < cadence.workingDaysBefore;) if (calendar.isWorkingDayNumber(--day)) n++;
        return { key: span.first, periodStart: day - 7, fixedDay: day };
      });
    case 'during_holidays':
      return holidaySpans(calendar, first, last).map((span) => ({
        key: span.first,
        periodStart: span.start,
        fixedDay: span.end,
      }));
    case 'dates':
      return cadence.dates.map((d) => {
        const day = parseDay(d) as number;
        return { key: day, periodStart: day };
      });
  }
}

const minutesOf = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The plan's occurrences in a contract year (those whose day is on or after `from`, when given):
 * a day that is not a working day moves to the next working day; the record is due `deadline`
 * working days after it, at its time or by the end of the day.
 */
export function dutySlots(
  plan: Pick<DutyPlan, 'cadence' | 'windowDays' | 'deadline' | 'reminderWorkingDays'>,
  year: Pick<ContractYear, 'startDate' | 'endDate'>,
  calendar: WorkingDayCalendar,
  from?: string,
): DutySlot[] {
  const first = parseDay(year.startDate) as number;
  const last = parseDay(year.endDate) as number;
  const since = from ? (parseDay(from) as number) : first;
  const provisional = (a: number, b: number): boolean => {
    for (let y = ymd(a)[0]; y <= ymd(b)[0]; y++) if (calendar.isProvisionalYear(y)) return true;
    return false;
  };
  const slots: DutySlot[] = [];
  for (const n of nominals(plan.cadence, calendar, first, last)) {
    if (n.key < first || n.key > last) continue;
    let due = n.fixedDay ?? n.key;
    if (n.fixedDay === undefined) while (!calendar.isWorkingDayNumber(due)) due++;
    if (due < since) continue;
    let recordDay = due;
    for (let k = 0; k < plan.deadline.workingDays;)
      if (calendar.isWorkingDayNumber(++recordDay)) k++;
    const recordDue = plan.deadline.time
      ? instantOnDay(recordDay, minutesOf(plan.deadline.time) * 60_000)
      : endOfDay(recordDay);
    const windowStart = plan.windowDays === null ? n.periodStart : due - plan.windowDays;
    const remind =
      plan.reminderWorkingDays > 0
        ? calendar.reminderAt(recordDue, plan.reminderWorkingDays).deadline
        : null;
    slots.push({
      key: formatDay(n.key),
      windowStart: formatDay(Math.min(windowStart, due)),
      dueDay: formatDay(due),
      recordDueAt: recordDue.toISOString(),
      remindAt: remind && remind < recordDue ? remind.toISOString() : null,
      provisional: provisional(Math.min(n.periodStart, due), recordDay),
    });
  }
  return slots.sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a.key.localeCompare(b.key));
}
