// The one Shanghai-time module: calendar-date arithmetic and the one formatter for dates and
// times that leave the system (pages, mails, exports, API texts). Pure, so workflows may use it
// too. China has no DST, so a fixed UTC+8 offset is exact. Working days need the calendar
// library, not this file.
const DAY_MS = 86_400_000;
/** Asia/Shanghai's offset from UTC, the only definition of it. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
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

type Instant = string | number | Date;

function instantMs(instant: Instant): number {
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === 'number'
        ? instant
        : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`"${String(instant)}" is not a valid instant`);
  return ms;
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(instant: Instant): string {
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the Shanghai offset, e.g. `2026-10-10T23:59:59.999+08:00` (for API answers). */
export function toShanghaiIso(instant: Instant): string {
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** A date as people read it: `YYYY-MM-DD` in Shanghai; '' for none. */
export function formatDate(instant: Instant | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '';
  if (typeof instant === 'string' && ISO_DATE.test(instant)) return instant;
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A time as people read it: `YYYY-MM-DD HH:mm` in Shanghai; '' for none. */
export function formatTime(instant: Instant | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const iso = new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A time as a `datetime-local` control holds it: `YYYY-MM-DDTHH:mm` in Shanghai. */
export function shanghaiLocalInput(instant: Instant): string {
  return formatTime(instant).replace(' ', 'T');
}

/** What a `datetime-local` control sent (`YYYY-MM-DDTHH:mm`, Shanghai) as ISO 8601; other text as is. */
export function fromShanghaiLocal(text: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00+08:00` : text;
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
