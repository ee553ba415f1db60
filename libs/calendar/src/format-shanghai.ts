import { assertValidDate, dayOfInstant, formatDay } from './day-number';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** ISO 8601 with the Shanghai offset, e.g. `2026-10-10T23:59:59.999+08:00` (for mails and UIs). */
export function toShanghaiIso(d: Date): string {
  assertValidDate(d, 'date');
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(d: Date): string {
  assertValidDate(d, 'date');
  return formatDay(dayOfInstant(d));
}
