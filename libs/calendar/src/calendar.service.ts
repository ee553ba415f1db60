import { Injectable } from '@nestjs/common';
import { CalendarYearRepository } from '@luyue/persistence';
import type { YearSchedule } from './calendar.types';
import { WorkingDayCalendar } from './working-day-calendar';

/** The working-day calendar with admin-loaded overrides from PostgreSQL, cached briefly. */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingDayCalendar; at: number };
  // Short so every api and worker replica sees a newly loaded year within seconds.
  private readonly ttlMs = 5_000;

  constructor(private readonly years: CalendarYearRepository) {}

  /** `fresh` skips the cache: deadline computations must see a year loaded a moment ago. */
  async calendar(options: { fresh?: boolean } = {}): Promise<WorkingDayCalendar> {
    const valid = this.cached && Date.now() - this.cached.at < this.ttlMs;
    if (valid && !options.fresh) return this.cached!.calendar;
    const rows = await this.years.findAll();
    const overrides = new Map<number, YearSchedule>(
      rows.map((r) => [r.year, { year: r.year, holidays: r.holidays, workdays: r.workdays }]),
    );
    const calendar = new WorkingDayCalendar(overrides);
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async saveYear(schedule: YearSchedule, loadedBy: string): Promise<void> {
    await this.years.upsert(schedule.year, schedule.holidays, schedule.workdays, loadedBy);
    this.cached = undefined;
  }
}
