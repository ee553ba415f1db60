/** One occurrence of a plan in a contract year, as the working-day calendar places it. */
export interface DutySlot {
  /** The nominal day (before a holiday moved it): stable when a calendar year is loaded. */
  key: string;
  /** First day the duty may be done. */
  windowStart: string;
  /** The day the duty falls on: a working day, or the holiday's last day for holiday duty. */
  dueDay: string;
  /** When its record (report) is due. */
  recordDueAt: string;
  /** When the vendor is reminded; null for none. */
  remindAt: string | null;
  /** Some day it depends on lies in a year without an official schedule. */
  provisional: boolean;
}
