import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CalendarService,
  ScheduleValidationError,
  validateYearSchedule,
  type ScheduleDateProblem,
} from '@luyue/calendar';
import {
  fieldProblem,
  isOfficialSource,
  shanghaiDate,
  toShanghaiIso,
  validationFailed,
  type FieldProblem,
  type MessageKey,
} from '@luyue/domain';
import { CalendarYearRepository, DeadlineRecordRepository } from '@luyue/persistence';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import { TemporalClientService } from '@luyue/temporal';
import { OPEN_WORKFLOW_SOURCES, type OpenWorkflowSource } from '../kit/process-registry';
import type { WorkingDaysAnswer } from './dto/working-days.query';
import { signalAll } from './signal-all';
import type { CalendarYearDto, YearScheduleDto, YearScheduleLoaded } from './dto/year-schedule.dto';

/** Years shown around today, besides every loaded one: last year and two years ahead. */
const YEARS_BEFORE = 1;
const YEARS_AFTER = 2;

@Injectable()
export class WorkingDaysService {
  private readonly logger = new Logger(WorkingDaysService.name);

  constructor(
    private readonly calendars: CalendarService,
    private readonly deadlines: DeadlineRecordRepository,
    private readonly temporal: TemporalClientService,
    @Inject(OPEN_WORKFLOW_SOURCES) private readonly processes: OpenWorkflowSource[],
    private readonly loaded: CalendarYearRepository,
  ) {}

  async deadline(from: string, days: number): Promise<WorkingDaysAnswer> {
    const calendar = await this.calendars.calendar();
    let result: ReturnType<typeof calendar.addWorkingDays>;
    try {
      result = calendar.addWorkingDays(new Date(from), days);
    } catch (error) {
      // The holiday data (and the lunar computation behind provisional years) spans 1901–2099.
      if (!(error instanceof RangeError)) throw error;
      const message = 'from and the deadline must fall in the years 1901 to 2099';
      throw validationFailed([{ field: 'from', message }]);
    }
    const { deadline, provisional } = result;
    return { deadline: toShanghaiIso(deadline), provisional };
  }

  /**
   * Loads a year's official schedule, then has every open deadline recomputed: the deadline
   * watches and the open customization requests (both listen to `calendarChanged`).
   */
  async loadYear(
    year: number,
    body: YearScheduleDto,
    loadedBy: string,
  ): Promise<YearScheduleLoaded> {
    let schedule;
    try {
      schedule = validateYearSchedule(year, { year, ...body });
    } catch (err) {
      if (err instanceof ScheduleValidationError) {
        throw validationFailed([scheduleProblem(err, year)]);
      }
      throw err;
    }
    await this.calendars.saveYear(schedule, loadedBy);
    const open = [
      ...(await this.deadlines.openWorkflowIds()),
      ...(await Promise.all(this.processes.map((p) => p.openWorkflowIds(year)))).flat(),
    ];
    const client = await this.temporal.client();
    const failed = await signalAll(open, (id) =>
      client.workflow.getHandle(id).signal(calendarChangedSignal),
    );
    if (failed > 0) this.logger.warn(`${failed} open workflow(s) could not be signalled`);
    for (const p of this.processes) await p.calendarLoaded?.(year);
    return {
      year,
      holidays: schedule.holidays.length,
      workdays: schedule.workdays.length,
      recomputing: open.length - failed,
    };
  }

  /** Where each year's schedule comes from: every loaded year and the years around today. */
  async years(): Promise<CalendarYearDto[]> {
    const calendar = await this.calendars.calendar({ fresh: true });
    const rows = new Map((await this.loaded.findAll()).map((r) => [r.year, r]));
    const now = Number(shanghaiDate(Date.now()).slice(0, 4));
    const years = new Set(rows.keys());
    for (let y = now - YEARS_BEFORE; y <= now + YEARS_AFTER; y++) years.add(y);
    return [...years]
      .sort((a, b) => a - b)
      .map((year) => {
        const source = calendar.scheduleSource(year);
        const row = rows.get(year);
        return {
          year,
          source,
          official: isOfficialSource(source),
          loadedBy: row?.loadedBy ?? null,
          loadedAt: row?.loadedAt ?? null,
        };
      });
  }
}

/** A schedule's refusal, a date's problem in the catalogue's words (the form shows them). */
function scheduleProblem(err: ScheduleValidationError, year: number): FieldProblem {
  if (!err.dated) return { field: err.field, message: err.message };
  const { problem, date } = err.dated;
  const keys = {
    not_date: 'field.schedule_not_date',
    outside_year: 'field.schedule_outside_year',
    twice: 'field.schedule_twice',
    also_holiday: 'field.schedule_also_holiday',
    not_weekend: 'field.schedule_not_weekend',
  } as const satisfies Record<ScheduleDateProblem, MessageKey>;
  return fieldProblem(err.field, keys[problem], { date, year });
}
