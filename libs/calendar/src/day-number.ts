// Internal: a Shanghai calendar day as an integer (days since 1970-01-01), so arithmetic never
// depends on the process time zone. China has no DST, so a fixed UTC+8 offset is exact.
import { SHANGHAI_OFFSET_MS } from '@luyue/domain';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertValidDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`${what} must be a valid Date`);
  }
}

/** The Shanghai calendar day an instant falls on. */
export function dayOfInstant(d: Date): number {
  return Math.floor((d.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Parses `YYYY-MM-DD`; undefined when malformed or not a real date (e.g. 2026-02-30). */
export function parseDay(s: string): number | undefined {
  const m = ISO_DAY.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return t / DAY_MS;
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The instant `hour`:00 (or any millisecond offset) on a Shanghai day. */
export function instantOnDay(day: number, msIntoDay: number): Date {
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + msIntoDay);
}

/** 24:00 of a Shanghai day, represented as its last millisecond. */
export function endOfDay(day: number): Date {
  return instantOnDay(day, DAY_MS - 1);
}

/** 00:00 of a Shanghai day, as epoch milliseconds. */
export function startOfDayMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}
