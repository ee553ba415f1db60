/** One contract year: quota and yearly statistics are counted per contract year. */
export interface ContractYear {
  /** 1 for the first year of the service period. */
  yearNo: number;
  /** First day, YYYY-MM-DD (Asia/Shanghai calendar date). */
  startDate: string;
  /** Last day, inclusive. */
  endDate: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_YEARS = 10;

/** Parses a YYYY-MM-DD calendar date; null when it is not a real date. */
export function parseCalendarDate(value: string): Date | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** The same calendar day `years` later; 29 Feb falls back to 28 Feb in a common year. */
function addYears(d: Date, years: number): Date {
  const y = d.getUTCFullYear() + years;
  const month = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d.getUTCDate(), lastDay)));
}

/**
 * Splits a service period (both ends inclusive) into contract years counted from its start;
 * a last year shorter than twelve months ends with the period.
 */
export function contractYears(startDate: string, endDate: string): ContractYear[] {
  const start = parseCalendarDate(startDate);
  const end = parseCalendarDate(endDate);
  if (!start) throw new RangeError(`start date "${startDate}" is not a YYYY-MM-DD date`);
  if (!end) throw new RangeError(`end date "${endDate}" is not a YYYY-MM-DD date`);
  if (end < start) throw new RangeError('the service period ends before it starts');
  const years: ContractYear[] = [];
  for (let k = 0; ; k += 1) {
    const first = addYears(start, k);
    if (first > end) break;
    if (k === MAX_YEARS) {
      throw new RangeError(`a service period may span at most ${MAX_YEARS} years`);
    }
    const nextFirst = addYears(start, k + 1);
    const last = new Date(Math.min(nextFirst.getTime() - 86_400_000, end.getTime()));
    years.push({ yearNo: k + 1, startDate: iso(first), endDate: iso(last) });
  }
  return years;
}

/** The contract year a calendar date (YYYY-MM-DD) falls in, or null outside the period. */
export function contractYearOf(years: readonly ContractYear[], date: string): ContractYear | null {
  return years.find((y) => y.startDate <= date && date <= y.endDate) ?? null;
}
