// Calendar-date arithmetic in Asia/Shanghai for pure code (workflows included): China has no DST,
// so a fixed UTC+8 offset is exact. Working days need the calendar library, not this file.
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch at 00:00 UTC of a real `YYYY-MM-DD` date, or null. */
function utcMidnight(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date ? t : null;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && utcMidnight(value) !== null;
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 24:00 of a Shanghai date, as its last millisecond (the calendar library's convention). */
export function endOfShanghaiDate(date: string): string {
  return new Date(startMs(date) + DAY_MS - 1).toISOString();
}

/** `hour`:00 Shanghai on a date. */
export function shanghaiDateAt(date: string, hour: number): string {
  return new Date(startMs(date) + hour * 3_600_000).toISOString();
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((startMs(to) - startMs(from)) / DAY_MS);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(startMs(date) + SHANGHAI_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** 00:00 Shanghai of a date, in epoch milliseconds. */
function startMs(date: string): number {
  const t = utcMidnight(date);
  if (t === null) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  return t - SHANGHAI_OFFSET_MS;
}
