/** One calendar year of the PRC statutory schedule. Dates are Asia/Shanghai days, `YYYY-MM-DD`. */
export interface YearSchedule {
  year: number;
  /** Days off, including the weekend days that fall inside a holiday span. */
  holidays: string[];
  /** Make-up working days: Saturdays/Sundays that are working days. */
  workdays: string[];
}

export type { ScheduleSource } from '@luyue/domain';

export interface DeadlineResult {
  deadline: Date;
  /** True when a year without an official schedule was used to compute `deadline`. */
  provisional: boolean;
}
