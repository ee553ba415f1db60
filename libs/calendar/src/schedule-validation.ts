import type { YearSchedule } from './calendar.types';
import { parseDay, weekdayOfDay, yearOfDay } from './day-number';

/** What is wrong with one date of a schedule, for a reader's own words. */
export type ScheduleDateProblem =
  'not_date' | 'outside_year' | 'twice' | 'also_holiday' | 'not_weekend';

/** A rejected schedule; `field` names the offending element, e.g. `holidays[3]`. */
export class ScheduleValidationError extends Error {
  constructor(
    readonly field: string,
    detail: string,
    /** The date at fault and what is wrong with it, when the problem is one date's. */
    readonly dated?: { problem: ScheduleDateProblem; date: string },
  ) {
    super(`${field}: ${detail}`);
    this.name = 'ScheduleValidationError';
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dateList(year: number, field: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new ScheduleValidationError(field, 'expected an array of "YYYY-MM-DD" strings');
  }
  const seen = new Set<string>();
  return value.map((item: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof item !== 'string') {
      throw new ScheduleValidationError(at, `expected a "YYYY-MM-DD" string, got ${typeof item}`);
    }
    const day = parseDay(item);
    if (day === undefined) {
      throw new ScheduleValidationError(at, `${JSON.stringify(item)} is not a valid date`, {
        problem: 'not_date',
        date: item,
      });
    }
    if (yearOfDay(day) !== year) {
      throw new ScheduleValidationError(at, `${JSON.stringify(item)} is outside ${year}`, {
        problem: 'outside_year',
        date: item,
      });
    }
    if (seen.has(item)) {
      throw new ScheduleValidationError(at, `${JSON.stringify(item)} is listed twice`, {
        problem: 'twice',
        date: item,
      });
    }
    seen.add(item);
    return item;
  });
}

/**
 * Checks an admin-supplied official schedule (e.g. from the State Council notice) before it is
 * stored; every date must lie inside `year`, so a year's schedule never changes another year.
 */
export function validateYearSchedule(year: number, input: unknown): YearSchedule {
  if (!Number.isInteger(year) || year < 1901 || year > 9999) {
    throw new ScheduleValidationError('year', `${year} is not a supported year`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ScheduleValidationError('schedule', 'expected an object { holidays, workdays }');
  }
  const raw = input as Record<string, unknown>;
  if (raw.year !== undefined && raw.year !== year) {
    throw new ScheduleValidationError('year', `${JSON.stringify(raw.year)} does not match ${year}`);
  }
  const holidays = dateList(year, 'holidays', raw.holidays);
  // A real schedule always has days off; an empty list is a loading mistake, not a policy.
  if (holidays.length === 0) throw new ScheduleValidationError('holidays', 'must not be empty');
  // Required even when empty, so a forgotten make-up working day list is not mistaken for "none".
  const workdays = dateList(year, 'workdays', raw.workdays);
  const off = new Set(holidays);
  workdays.forEach((d, i) => {
    const at = `workdays[${i}]`;
    if (off.has(d)) {
      throw new ScheduleValidationError(at, `"${d}" is also listed in holidays`, {
        problem: 'also_holiday',
        date: d,
      });
    }
    const wd = weekdayOfDay(parseDay(d) as number);
    if (wd !== 0 && wd !== 6) {
      throw new ScheduleValidationError(
        at,
        `"${d}" is a ${WEEKDAYS[wd]}, not a Saturday or Sunday`,
        { problem: 'not_weekend', date: d },
      );
    }
  });
  return { year, holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
