import { Injectable } from '@nestjs/common';
import { CalendarYearRepository } from '@luyue/persistence';
import type { YearSchedule } from './calendar.types';
import { WorkingDayCalendar } from './working-day-calendar';

/** The working-day calendar with admin-loaded overrides from PostgreSQL, cached briefly. */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingDayCalendar; at: number; stamp: string };
  // Short so every api and worker replica sees a newly loaded year within seconds.
  private readonly ttlMs = 5_000;

  constructor(private readonly years: CalendarYearRepository) {}

  /**
   * `fresh` skips the cache's age: deadline computations must see a year loaded a moment ago.
   * They ask the table's stamp only, and build the calendar again when a load changed it (a
   * built calendar also keeps the years it compiled, which thousands of clocks recomputed after
   * one load share).
   */
  async calendar(options: { fresh?: boolean } = {}): Promise<WorkingDayCalendar> {
    const cached = this.cached;
    if (cached && !options.fresh && Date.now() - cached.at < this.ttlMs) return cached.calendar;
    // The stamp is read before the rows, so the rows are never older than the stamp kept.
    const stamp = await this.years.stamp();
    if (cached && cached.stamp === stamp) {
      this.cached = { ...cached, at: Date.now() };
      return cached.calendar;
    }
    const rows = await this.years.findAll();
    const overrides = new Map<number, YearSchedule>(
      rows.map((r) => [r.year, { year: r.year, holidays: r.holidays, workdays: r.workdays }]),
    );
    const calendar = new WorkingDayCalendar(overrides);
    this.cached = { calendar, at: Date.now(), stamp };
    return calendar;
  }

  async saveYear(schedule: YearSchedule, loadedBy: string): Promise<void> {
    await this.years.upsert(schedule.year, schedule.holidays, schedule.workdays, loadedBy);
    this.cached = undefined;
  }
}
