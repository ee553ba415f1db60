// Clock arithmetic over a coverage: covered time is counted in whole milliseconds, segment by
// segment and day by day (whole days at once when every day is covered), never minute by minute.
import type { Coverage } from './coverage';
import { assertValidDate, dayOfInstant, startOfDayMs, yearOfDay } from './day-number';
import type { WorkingDayCalendar } from './working-day-calendar';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A day set that covers nothing for this long is a configuration error, not a long wait. */
const MAX_UNCOVERED_DAYS = 400;

export interface DueInstant {
  due: Date;
  /** True when a day whose working status decided the answer lies in a provisional year. */
  provisional: boolean;
}

export interface CoveredTime {
  /** Covered milliseconds in [from, to). */
  ms: number;
  /** Whole covered minutes in [from, to). */
  minutes: number;
  provisional: boolean;
}

/** Answers "is this day in the day set?" and remembers whether a provisional year was asked. */
function daySet(calendar: WorkingDayCalendar, coverage: Coverage) {
  let provisional = false;
  let lastYear = Number.NaN;
  return {
    covers(day: number): boolean {
      if (coverage.days === 'all') return true;
      const year = yearOfDay(day);
      if (year !== lastYear) {
        lastYear = year;
        provisional ||= calendar.isProvisionalYear(year);
      }
      return calendar.isWorkingDayNumber(day);
    },
    get provisional(): boolean {
      return provisional;
    },
  };
}

/** Covered milliseconds of one covered day inside [lo, hi) (milliseconds into the day). */
function overlap(coverage: Coverage, lo: number, hi: number): number {
  let ms = 0;
  for (const s of coverage.segments)
    ms += Math.max(0, Math.min(hi, s.endMs) - Math.max(lo, s.startMs));
  return ms;
}

/**
 * The earliest instant by which `minutes` covered minutes have passed since `from`: a budget
 * ending with a segment is due at the segment's end, and 0 minutes are due at `from` itself.
 */
export function dueInstant(
  calendar: WorkingDayCalendar,
  coverage: Coverage,
  from: Date,
  minutes: number,
): DueInstant {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be an integer >= 0, got ${minutes}`);
  }
  return dueAfterMs(calendar, coverage, from, minutes * MINUTE_MS);
}

/**
 * `dueInstant` for a budget in milliseconds: what a clock has left after a pause or a level
 * change is rarely whole minutes.
 */
export function dueAfterMs(
  calendar: WorkingDayCalendar,
  coverage: Coverage,
  from: Date,
  ms: number,
): DueInstant {
  assertValidDate(from, 'from');
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new RangeError(`ms must be an integer >= 0, got ${ms}`);
  }
  let remaining = ms;
  if (remaining === 0) return { due: new Date(from.getTime()), provisional: false };
  const days = daySet(calendar, coverage);
  const lastEnd = coverage.segments[coverage.segments.length - 1].endMs;
  let day = dayOfInstant(from);
  let into = from.getTime() - startOfDayMs(day);
  let uncovered = 0;
  for (;;) {
    if (into === 0 && coverage.days === 'all' && remaining > coverage.dailyMs) {
      // Skip whole days, keeping the last one (partly or fully used) for the segment walk.
      const whole = Math.floor((remaining - 1) / coverage.dailyMs);
      day += whole;
      remaining -= whole * coverage.dailyMs;
    }
    if (into < lastEnd && days.covers(day)) {
      uncovered = 0;
      for (const s of coverage.segments) {
        if (s.endMs <= into) continue;
        const start = Math.max(s.startMs, into);
        if (remaining <= s.endMs - start) {
          return {
            due: new Date(startOfDayMs(day) + start + remaining),
            provisional: days.provisional,
          };
        }
        remaining -= s.endMs - start;
      }
    } else if (++uncovered > MAX_UNCOVERED_DAYS) {
      throw new RangeError(`no covered day in ${MAX_UNCOVERED_DAYS} days`);
    }
    day++;
    into = 0;
  }
}

/** Covered time in [from, to) (zero when `to` is not after `from`): elapsed time and overruns. */
export function coveredMinutesBetween(
  calendar: WorkingDayCalendar,
  coverage: Coverage,
  from: Date,
  to: Date,
): CoveredTime {
  assertValidDate(from, 'from');
  assertValidDate(to, 'to');
  if (to.getTime() <= from.getTime()) return { ms: 0, minutes: 0, provisional: false };
  const days = daySet(calendar, coverage);
  const first = dayOfInstant(from);
  const last = dayOfInstant(to);
  const fromInto = from.getTime() - startOfDayMs(first);
  const toInto = to.getTime() - startOfDayMs(last);
  let ms: number;
  if (first === last) {
    const part = overlap(coverage, fromInto, toInto);
    ms = part > 0 && days.covers(first) ? part : 0;
  } else if (coverage.days === 'all') {
    const middle = (last - first - 1) * coverage.dailyMs;
    ms = overlap(coverage, fromInto, DAY_MS) + middle + overlap(coverage, 0, toInto);
  } else {
    ms = 0;
    for (let day = first; day <= last; day++) {
      const lo = day === first ? fromInto : 0;
      const hi = day === last ? toInto : DAY_MS;
      const part = overlap(coverage, lo, hi);
      if (part > 0 && days.covers(day)) ms += part;
    }
  }
  return { ms, minutes: Math.floor(ms / MINUTE_MS), provisional: days.provisional };
}

/** Whether a clock with this coverage runs at `instant`. */
export function isCovered(
  calendar: WorkingDayCalendar,
  coverage: Coverage,
  instant: Date,
): boolean {
  assertValidDate(instant, 'instant');
  const day = dayOfInstant(instant);
  const into = instant.getTime() - startOfDayMs(day);
  const inSegment = coverage.segments.some((s) => s.startMs <= into && into < s.endMs);
  return inSegment && daySet(calendar, coverage).covers(day);
}

/**
 * The end of the covered day a clock starting at `from` runs in: the last segment's end of that
 * day, or of the next covered day when `from` is past its coverage ("by the end of the working day").
 */
export function endOfCoveredDay(
  calendar: WorkingDayCalendar,
  coverage: Coverage,
  from: Date,
): DueInstant {
  const first = dueAfterMs(calendar, coverage, from, 1);
  const day = dayOfInstant(new Date(first.due.getTime() - 1));
  const lastEnd = coverage.segments[coverage.segments.length - 1].endMs;
  return { due: new Date(startOfDayMs(day) + lastEnd), provisional: first.provisional };
}
