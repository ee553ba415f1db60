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
