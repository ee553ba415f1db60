import { countedMinutes, type FaultClock } from './fault-clock';
import type { FaultTicketState } from './fault-ticket.types';
import { FAULT_LEVELS, SLA_CLOCKS, type FaultLevel, type SlaClock } from './sla-policy';

/**
 * Rule 6: a contract year with 5 level-1 or 10 level-2 overruns is a major breach; one short of that
 * both parties are warned. Levels without a threshold have none.
 */
export const MAJOR_BREACH_THRESHOLDS: Readonly<
  Partial<Record<FaultLevel, { warnAt: number; breachAt: number }>>
> = {
  level_1: { warnAt: 4, breachAt: 5 },
  level_2: { warnAt: 9, breachAt: 10 },
};

/** The level's major-breach standing for a year's overruns (null: the level has no threshold). */
export function majorBreachOf(
  level: FaultLevel,
  overruns: number,
): { warnAt: number; breachAt: number; warning: boolean; breached: boolean } | null {
  const t = MAJOR_BREACH_THRESHOLDS[level];
  if (!t) return null;
  return { ...t, warning: overruns >= t.warnAt, breached: overruns >= t.breachAt };
}

/** What the figures read of a ticket (its workflow state, as the store keeps it). */
export type FigureTicket = Pick<FaultTicketState, 'level' | 'clocks'>;
type FigureClock = Pick<FaultClock, 'kind' | 'met' | 'breachedAt' | 'stoppedAt' | 'countedMs'>;

/** A clock breached once stays an overrun (one per clock per ticket), even if extended or reopened. */
export const isOverrun = (c: Pick<FaultClock, 'breachedAt'>): boolean => c.breachedAt !== null;

export interface Attainment {
  met: number;
  breached: number;
  /** Still running within its budget: neither met nor breached yet. */
  running: number;
  /** met ÷ (met + breached), a fraction; null when nothing is decided yet. */
  rate: number | null;
}

export interface MinuteSpread {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface FaultFigures {
  tickets: number;
  response: Attainment;
  recovery: Attainment;
  overruns: number;
  overrunsByClock: Record<SlaClock, number>;
  /** Covered minutes (whole) the recovery clock counted, of restored tickets. */
  timeToRestore: MinuteSpread;
}

export interface LevelFigures extends FaultFigures {
  level: FaultLevel;
  majorBreach: ReturnType<typeof majorBreachOf>;
}

export function attainment(clocks: readonly FigureClock[]): Attainment {
  const breached = clocks.filter(isOverrun).length;
  const met = clocks.filter((c) => !isOverrun(c) && c.met === true).length;
  const decided = met + breached;
  return {
    met,
    breached,
    running: clocks.length - decided,
    rate: decided === 0 ? null : met / decided,
  };
}

/** Median (mean of the middle two for an even count) and p90 by nearest rank, as the security figures. */
export function minuteSpread(minutes: readonly number[]): MinuteSpread {
  const sorted = [...minutes].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, median: null, p90: null };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, median, p90: sorted[Math.ceil(0.9 * n) - 1] };
}

export function faultFigures(tickets: readonly FigureTicket[]): FaultFigures {
  const clocks = (kind: SlaClock) =>
    tickets.flatMap((t) => t.clocks.filter((c) => c.kind === kind) as FigureClock[]);
  const overrunsByClock = Object.fromEntries(
    SLA_CLOCKS.map((k) => [k, clocks(k).filter(isOverrun).length]),
  ) as Record<SlaClock, number>;
  const restored = clocks('recovery').filter((c) => c.stoppedAt !== null);
  return {
    tickets: tickets.length,
    response: attainment(clocks('response')),
    recovery: attainment(clocks('recovery')),
    overruns: SLA_CLOCKS.reduce((sum, k) => sum + overrunsByClock[k], 0),
    overrunsByClock,
    timeToRestore: minuteSpread(restored.map(countedMinutes)),
  };
}

/** A contract year's figures: every level (each with its major-breach standing), and all together. */
export function yearFigures(tickets: readonly FigureTicket[]): {
  levels: LevelFigures[];
  total: FaultFigures;
} {
  const levels = FAULT_LEVELS.map((level) => {
    const figures = faultFigures(tickets.filter((t) => t.level === level));
    return { level, ...figures, majorBreach: majorBreachOf(level, figures.overruns) };
  });
  return { levels, total: faultFigures(tickets) };
}

/** Pauses the ticket asked for and the hospital did not refuse. */
export function pauseCount(state: Pick<FaultTicketState, 'log'>): number {
  const n = (step: string) => state.log.filter((e) => e.step === step).length;
  return n('pause') - n('refuse-pause');
}
