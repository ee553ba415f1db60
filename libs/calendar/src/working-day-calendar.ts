import { builtinSchedule, hasBuiltinSchedule } from './builtin-schedules';
import type { DeadlineResult, ScheduleSource, YearSchedule } from './calendar.types';
import {
  assertValidDate,
  dayOfInstant,
  endOfDay,
  instantOnDay,
  parseDay,
  weekdayOfDay,
  yearOfDay,
} from './day-number';
import { provisionalSchedule } from './provisional-schedule';
import { validateYearSchedule } from './schedule-validation';

interface CompiledYear {
  source: ScheduleSource;
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

function compile(source: ScheduleSource, s: YearSchedule): CompiledYear {
  const days = (list: string[]) => new Set(list.map((d) => parseDay(d) as number));
  return { source, holidays: days(s.holidays), workdays: days(s.workdays) };
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be an integer >= 0, got ${n}`);
  }
}

/**
 * PRC working days in Asia/Shanghai. Per year the schedule is the admin override if loaded, else
 * chinese-days' built-in official data, else a provisional one (weekends + fixed statutory
 * holidays) whose results are flagged `provisional` so callers can recompute them later.
 * Immutable: build a new instance when overrides change.
 */
export class WorkingDayCalendar {
  private readonly overrides: ReadonlyMap<number, YearSchedule>;
  private readonly years = new Map<number, CompiledYear>();

  constructor(overrides: ReadonlyMap<number, YearSchedule> = new Map()) {
    const checked = new Map<number, YearSchedule>();
    // Re-validate so a corrupt stored schedule fails loudly instead of shifting deadlines.
    for (const [year, s] of overrides) checked.set(year, validateYearSchedule(year, s));
    this.overrides = checked;
  }

  scheduleSource(year: number): ScheduleSource {
    if (this.overrides.has(year)) return 'override';
    return hasBuiltinSchedule(year) ? 'builtin' : 'provisional';
  }

  isProvisionalYear(year: number): boolean {
    return this.scheduleSource(year) === 'provisional';
  }

  /** The schedule in effect for `year` (throws RangeError for a year with no data at all). */
  schedule(year: number): YearSchedule {
    const s = this.overrides.get(year) ?? builtinSchedule(year) ?? provisionalSchedule(year);
    return { year, holidays: [...s.holidays], workdays: [...s.workdays] };
  }

  /** `day` is a Shanghai `YYYY-MM-DD` or an instant (its Shanghai calendar day). */
  isWorkingDay(day: string | Date): boolean {
    return this.isWorkingDayNumber(this.toDayNumber(day));
  }

  /**
   * Civil Code art. 201–203: the day of receipt is not counted and the period ends at 24:00 of the
   * n-th working day after it (returned as 23:59:59.999 Shanghai). n = 0 means the day of receipt
   * itself if it is a working day, else the next working day.
   */
  addWorkingDays(receivedAt: Date, n: number): DeadlineResult {
    assertValidDate(receivedAt, 'receivedAt');
    assertCount(n, 'n');
    const received = dayOfInstant(receivedAt);
    let day = received;
    if (n === 0) {
      while (!this.isWorkingDayNumber(day)) day++;
    } else {
      for (let counted = 0; counted < n;) if (this.isWorkingDayNumber(++day)) counted++;
    }
    const firstExamined = n === 0 ? received : received + 1;
    return { deadline: endOfDay(day), provisional: this.anyProvisional(firstExamined, day) };
  }

  /** Working days strictly after a's Shanghai day up to and including b's (0 if b is not later). */
  workingDaysBetween(a: Date, b: Date): { days: number; provisional: boolean } {
    assertValidDate(a, 'a');
    assertValidDate(b, 'b');
    const from = dayOfInstant(a) + 1;
    const to = dayOfInstant(b);
    let days = 0;
    for (let d = from; d <= to; d++) if (this.isWorkingDayNumber(d)) days++;
    return { days, provisional: to >= from && this.anyProvisional(from, to) };
  }

  /**
   * `hour`:00 Shanghai on the working day `leadWorkingDays` working days before the deadline's
   * day; lead 0 is that hour on the deadline's day itself.
   */
  reminderAt(deadline: Date, leadWorkingDays: number, hour = 9): DeadlineResult {
    assertValidDate(deadline, 'deadline');
    assertCount(leadWorkingDays, 'leadWorkingDays');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
      throw new RangeError(`hour must be an integer 0–23, got ${hour}`);
    }
    const last = dayOfInstant(deadline);
    let day = last;
    for (let counted = 0; counted < leadWorkingDays;) if (this.isWorkingDayNumber(--day)) counted++;
    return {
      deadline: instantOnDay(day, hour * 3_600_000),
      provisional: this.anyProvisional(day, last),
    };
  }

  private toDayNumber(day: string | Date): number {
    if (typeof day === 'string') {
      const n = parseDay(day);
      if (n === undefined) throw new RangeError(`"${day}" is not a valid YYYY-MM-DD date`);
      return n;
    }
    assertValidDate(day, 'day');
    return dayOfInstant(day);
  }

  /** `day` is a Shanghai day number (day-number.ts): the coverage clock asks day by day. */
  isWorkingDayNumber(day: number): boolean {
    const y = this.compiled(yearOfDay(day));
    if (y.workdays.has(day)) return true;
    if (y.holidays.has(day)) return false;
    const wd = weekdayOfDay(day);
    return wd !== 0 && wd !== 6;
  }

  private anyProvisional(fromDay: number, toDay: number): boolean {
    for (let y = yearOfDay(fromDay); y <= yearOfDay(toDay); y++) {
      if (this.isProvisionalYear(y)) return true;
    }
    return false;
  }

  private compiled(year: number): CompiledYear {
    let c = this.years.get(year);
    if (!c) {
      c = compile(this.scheduleSource(year), this.schedule(year));
      this.years.set(year, c);
    }
    return c;
  }
}
