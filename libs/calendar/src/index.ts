export * from './calendar.types';
export { WorkingDayCalendar } from './working-day-calendar';
export {
  dayFromYmd,
  endOfDay,
  formatDay,
  instantOnDay,
  parseDay,
  weekdayOfDay,
} from './day-number';
export {
  validateYearSchedule,
  ScheduleValidationError,
  type ScheduleDateProblem,
} from './schedule-validation';
export {
  provisionalSchedule,
  PROVISIONAL_MIN_YEAR,
  PROVISIONAL_MAX_YEAR,
} from './provisional-schedule';
export { builtinSchedule, builtinYears } from './builtin-schedules';
export { CalendarService } from './calendar.service';
export { CalendarModule } from './calendar.module';
export {
  coverage,
  coverageProblem,
  parseCoverage,
  CoverageError,
  COVERAGE_DAYS,
  WORKING_HOURS,
  WORKING_HOURS_SEGMENTS,
  ROUND_THE_CLOCK,
  type Coverage,
  type CoverageDays,
  type CoverageSegment,
} from './coverage';
export {
  dueInstant,
  dueAfterMs,
  endOfCoveredDay,
  coveredMinutesBetween,
  isCovered,
  type DueInstant,
  type CoveredTime,
} from './coverage-clock';
