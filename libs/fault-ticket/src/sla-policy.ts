import type { CoverageDays } from '@luyue/calendar';

/** The contract's fault levels, level 1 the most severe (rule 6). */
export const FAULT_LEVELS = ['level_1', 'level_2', 'level_3', 'level_4'] as const;
export type FaultLevel = (typeof FAULT_LEVELS)[number];

/** The clocks a level may run: all but on-site arrival and the report are required. */
export const SLA_CLOCKS = ['response', 'onsite', 'recovery', 'report'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];
export const REQUIRED_SLA_CLOCKS = ['response', 'recovery'] as const satisfies readonly SlaClock[];

/** A named coverage of the contract: a day set and its daily `HH:mm-HH:mm` segments. */
export interface CoverageSpec {
  days: CoverageDays;
  segments: string[];
}

/** Minutes of covered time, or what is left of the covered day the clock starts in. */
export type ClockBudget = { minutes: number } | { endOfDay: true };

/** A warning: when this share of the budget has passed, or this many covered minutes before due. */
export type WarningPoint = { percent: number } | { minutesBefore: number };

export interface ClockPolicy {
  budget: ClockBudget;
  /** A key of the policy's `coverages`. */
  coverage: string;
  warnings: WarningPoint[];
  /** The report clock's document (a root-cause report, a handling report). */
  reportName?: string;
}

export type LevelPolicy = { [K in SlaClock]?: ClockPolicy } & {
  [K in (typeof REQUIRED_SLA_CLOCKS)[number]]: ClockPolicy;
};

/** A contract's SLA: its coverages and, per level, its clocks. Tickets keep the one they opened under. */
export interface SlaPolicy {
  coverages: Record<string, CoverageSpec>;
  levels: Record<FaultLevel, LevelPolicy>;
}

const WARN = [{ percent: 50 }, { percent: 80 }];
const clock = (minutes: number, coverage: string, reportName?: string): ClockPolicy => ({
  budget: { minutes },
  coverage,
  warnings: WARN,
  ...(reportName ? { reportName } : {}),
});

/**
 * The contracts' usual terms: level 1: response 10 min, recovery 30 min, root-cause report in 24 h;
 * level 2: 30 min, 2 h, handling report in 24 h (all 7×24); level 3: 1 h and 4 h in working hours, report
 * in 48 h; level 4: 2 h in working hours and remote guidance by the end of the working day.
 * Report names are the catalogue's keys (`root_cause`, `handling`, `service`).
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  coverages: {
    working_hours: { days: 'working', segments: ['08:00-12:00', '13:30-17:30'] },
    round_the_clock: { days: 'all', segments: ['00:00-24:00'] },
  },
  levels: {
    level_1: {
      response: clock(10, 'round_the_clock'),
      recovery: clock(30, 'round_the_clock'),
      report: clock(24 * 60, 'round_the_clock', 'root_cause'),
    },
    level_2: {
      response: clock(30, 'round_the_clock'),
      recovery: clock(120, 'round_the_clock'),
      report: clock(24 * 60, 'round_the_clock', 'handling'),
    },
    level_3: {
      response: clock(60, 'working_hours'),
      recovery: clock(240, 'working_hours'),
      report: clock(48 * 60, 'round_the_clock', 'handling'),
    },
    level_4: {
      response: clock(120, 'working_hours'),
      recovery: { budget: { endOfDay: true }, coverage: 'working_hours', warnings: WARN },
    },
  },
};

/** The clocks a level runs, in order. */
export function clocksOfLevel(policy: SlaPolicy, level: FaultLevel): SlaClock[] {
  return SLA_CLOCKS.filter((kind) => policy.levels[level][kind] !== undefined);
}

const HH_MM_RANGE = /^\d{2}:\d{2}-\d{2}:\d{2}$/;

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function coverageOk(c: unknown): boolean {
  return (
    isRecord(c) &&
    (c.days === 'working' || c.days === 'all') &&
    Array.isArray(c.segments) &&
    c.segments.length > 0 &&
    c.segments.every((s) => typeof s === 'string' && HH_MM_RANGE.test(s))
  );
}

function budgetOk(b: unknown): boolean {
  if (!isRecord(b)) return false;
  if (b.endOfDay === true) return true;
  return (
    Number.isSafeInteger(b.minutes) && (b.minutes as number) > 0 && (b.minutes as number) <= 525_600
  );
}

/** A warning point the policy accepts: a percent 1..99, or a positive count of minutes before. */
export function warningPointOk(w: unknown): boolean {
  if (!isRecord(w)) return false;
  if ('percent' in w)
    return Number.isInteger(w.percent) && (w.percent as number) > 0 && (w.percent as number) < 100;
  return Number.isInteger(w.minutesBefore) && (w.minutesBefore as number) > 0;
}

/** What can be wrong with a field of a policy (the wording catalogue says each to a person). */
export const SLA_POLICY_PROBLEMS = [
  'coverage',
  'required',
  'budget',
  'coverage_name',
  'warnings',
] as const;
export type SlaPolicyProblem = (typeof SLA_POLICY_PROBLEMS)[number];

/** One field of a policy refused: where, the English the REST envelope carries, and which rule. */
export interface SlaPolicyFieldProblem {
  field: string;
  message: string;
  problem: SlaPolicyProblem;
}

/** What is wrong with a policy an admin or hospital manager sent, field by field (empty: none). */
export function slaPolicyProblems(
  policy: unknown,
  /** The calendar's judgement of a coverage's segments (the api passes `coverageProblem`). */
  segmentsProblem: (days: CoverageDays, segments: string[]) => string | null,
): SlaPolicyFieldProblem[] {
  const problems: SlaPolicyFieldProblem[] = [];
  const given = isRecord(policy) ? policy : {};
  const coverages = isRecord(given.coverages) ? given.coverages : {};
  for (const [name, c] of Object.entries(coverages)) {
    const problem = coverageOk(c)
      ? segmentsProblem((c as CoverageSpec).days, (c as CoverageSpec).segments)
      : 'days working|all and HH:mm-HH:mm segments';
    if (problem)
      problems.push({ field: `coverages.${name}`, message: problem, problem: 'coverage' });
  }
  const levels = isRecord(given.levels) ? given.levels : {};
  for (const level of FAULT_LEVELS) {
    const clocks = levels[level];
    if (!isRecord(clocks)) {
      problems.push({ field: `levels.${level}`, message: 'is required', problem: 'required' });
      continue;
    }
    for (const kind of SLA_CLOCKS) {
      const clock = clocks[kind];
      const field = `levels.${level}.${kind}`;
      if (clock === undefined && !(REQUIRED_SLA_CLOCKS as readonly SlaClock[]).includes(kind))
        continue;
      if (!isRecord(clock)) {
        problems.push({ field, message: 'is required', problem: 'required' });
        continue;
      }
      if (!budgetOk(clock.budget)) {
        problems.push({
          field: `${field}.budget`,
          message: 'minutes 1..525600 or endOfDay',
          problem: 'budget',
        });
      }
      if (typeof clock.coverage !== 'string' || !Object.hasOwn(coverages, clock.coverage)) {
        problems.push({
          field: `${field}.coverage`,
          message: 'names no coverage of the policy',
          problem: 'coverage_name',
        });
      }
      if (!Array.isArray(clock.warnings) || !clock.warnings.every(warningPointOk)) {
        problems.push({
          field: `${field}.warnings`,
          message: 'percent 1..99 or minutesBefore >= 1',
          problem: 'warnings',
        });
      }
    }
  }
  return problems;
}
