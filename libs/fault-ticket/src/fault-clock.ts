import type { ClockPolicy, CoverageSpec, FaultLevel, SlaClock, WarningPoint } from './sla-policy';

const MINUTE_MS = 60_000;

/**
 * One SLA clock of a ticket. Covered time is counted in milliseconds: `countedMs` up to `since`
 * (the instant it last started running), so a pause, a level change or a calendar change keeps
 * what was counted and only the rest is computed again.
 */
export interface FaultClock {
  kind: SlaClock;
  coverage: CoverageSpec;
  /** The level's budget plus granted extensions, in covered minutes. */
  budgetMinutes: number;
  warnings: WarningPoint[];
  reportName: string | null;
  startedAt: string;
  countedMs: number;
  /** Running since; null while paused or stopped. */
  since: string | null;
  stoppedAt: string | null;
  /**
   * While running: when the budget is used up, and the warnings still to come; once stopped,
   * the due time it ran against (null when it was stopped while paused).
   */
  dueAt: string | null;
  warnAt: Array<{ at: string; ms: number }>;
  provisional: boolean;
  /** Warnings already sent (their thresholds in ms of the budget). */
  warnedMs: number[];
  breachedAt: string | null;
  /** At stop: whether the budget held, and by how many covered minutes it did not. */
  met: boolean | null;
  overrunMinutes: number | null;
  /** Every level's target this clock ran under (a level change records both). */
  targets: Array<{ level: FaultLevel; budgetMinutes: number; at: string }>;
  extensions: Array<{ minutes: number; reason: string; at: string }>;
}

/** Clock arithmetic the workflow cannot do itself (it needs the calendar): an activity's. */
export interface CoverageMath {
  /** The instant `ms` covered milliseconds after `from`. */
  dueAfter(coverage: CoverageSpec, from: string, ms: number): { at: string; provisional: boolean };
  /** Covered milliseconds in [from, to). */
  coveredMs(coverage: CoverageSpec, from: string, to: string): number;
  /** Covered minutes from `from` to the end of the covered day it falls in (or the next one). */
  restOfDayMinutes(coverage: CoverageSpec, from: string): number;
}

/** What happens to clocks at one instant; applied in order, then every running clock is scheduled. */
export type ClockOp =
  | {
      op: 'start';
      kind: SlaClock;
      policy: ClockPolicy;
      coverage: CoverageSpec;
      level: FaultLevel;
      from: string;
    }
  | { op: 'stop'; kind: SlaClock }
  | { op: 'pause' }
  | { op: 'resume' }
  | { op: 'restart'; kind: SlaClock }
  | { op: 'drop'; kind: SlaClock }
  | {
      op: 'retarget';
      kind: SlaClock;
      policy: ClockPolicy;
      coverage: CoverageSpec;
      level: FaultLevel;
    }
  | { op: 'extend'; kind: SlaClock; minutes: number; reason: string };

/** The warning thresholds of a budget, in covered ms, earliest first. */
export function warningThresholds(clock: Pick<FaultClock, 'budgetMinutes' | 'warnings'>): number[] {
  const budget = clock.budgetMinutes * MINUTE_MS;
  const at = clock.warnings.map((w) =>
    'percent' in w ? Math.round((budget * w.percent) / 100) : budget - w.minutesBefore * MINUTE_MS,
  );
  return [...new Set(at.filter((ms) => ms > 0 && ms < budget))].sort((a, b) => a - b);
}

function measured(math: CoverageMath, c: FaultClock, at: string): FaultClock {
  if (c.since === null) return c;
  return { ...c, countedMs: c.countedMs + math.coveredMs(c.coverage, c.since, at), since: at };
}

function stopped(c: FaultClock, at: string): FaultClock {
  const budgetMs = c.budgetMinutes * MINUTE_MS;
  const met = c.countedMs <= budgetMs;
  return {
    ...c,
    since: null,
    stoppedAt: at,
    // The due time it ran against stays, for the ledger and the breach record.
    warnAt: [],
    met,
    // Whole covered minutes over, at least one: any overrun counts (every overrun counts once).
    overrunMinutes: met ? 0 : Math.max(1, Math.floor((c.countedMs - budgetMs) / MINUTE_MS)),
    // A clock stopped late was breached even if its timer had not fired yet.
    breachedAt: met ? c.breachedAt : (c.breachedAt ?? at),
  };
}

function budgetOf(math: CoverageMath, policy: ClockPolicy, coverage: CoverageSpec, from: string) {
  return 'minutes' in policy.budget ? policy.budget.minutes : math.restOfDayMinutes(coverage, from);
}

function apply(math: CoverageMath, clocks: FaultClock[], op: ClockOp, at: string): FaultClock[] {
  const each = (kind: SlaClock, f: (c: FaultClock) => FaultClock) =>
    clocks.map((c) => (c.kind === kind ? f(c) : c));
  switch (op.op) {
    case 'start': {
      const budgetMinutes = budgetOf(math, op.policy, op.coverage, op.from);
      const clock: FaultClock = {
        kind: op.kind,
        coverage: op.coverage,
        budgetMinutes,
        warnings: op.policy.warnings,
        reportName: op.policy.reportName ?? null,
        startedAt: op.from,
        countedMs: 0,
        since: op.from,
        stoppedAt: null,
        dueAt: null,
        warnAt: [],
        provisional: false,
        warnedMs: [],
        breachedAt: null,
        met: null,
        overrunMinutes: null,
        targets: [{ level: op.level, budgetMinutes, at: op.from }],
        extensions: [],
      };
      return [...clocks.filter((c) => c.kind !== op.kind), clock];
    }
    case 'stop':
      return each(op.kind, (c) => (c.stoppedAt ? c : stopped(measured(math, c, at), at)));
    case 'pause':
      return clocks.map((c) =>
        c.since === null ? c : { ...measured(math, c, at), since: null, dueAt: null, warnAt: [] },
      );
    case 'resume':
      return clocks.map((c) => (c.stoppedAt || c.since !== null ? c : { ...c, since: at }));
    case 'restart':
      return each(op.kind, (c) => ({
        ...c,
        since: at,
        stoppedAt: null,
        met: null,
        overrunMinutes: null,
      }));
    case 'drop':
      return clocks.filter((c) => c.kind !== op.kind);
    case 'retarget':
      return each(op.kind, (c) => {
        // The time counted so far stays, in the coverage it was counted in; the rest runs in the new one.
        const m = measured(math, c, at);
        const budgetMinutes =
          budgetOf(math, op.policy, op.coverage, at) +
          m.extensions.reduce((sum, e) => sum + e.minutes, 0);
        return {
          ...m,
          coverage: op.coverage,
          budgetMinutes,
          warnings: op.policy.warnings,
          reportName: op.policy.reportName ?? m.reportName,
          targets: [...m.targets, { level: op.level, budgetMinutes, at }],
          // Warnings already passed in the new budget are not sent again.
          warnedMs: [],
        };
      });
    case 'extend':
      return each(op.kind, (c) => ({
        ...measured(math, c, at),
        budgetMinutes: c.budgetMinutes + op.minutes,
        extensions: [...c.extensions, { minutes: op.minutes, reason: op.reason, at }],
      }));
  }
}

/** A running clock's due instant and its warnings still to come, from what it has counted. */
function scheduled(math: CoverageMath, c: FaultClock): FaultClock {
  if (c.since === null) return c;
  const budget = c.budgetMinutes * MINUTE_MS;
  const due = math.dueAfter(c.coverage, c.since, Math.max(0, budget - c.countedMs));
  let provisional = due.provisional;
  const warnAt: FaultClock['warnAt'] = [];
  for (const threshold of warningThresholds(c)) {
    if (threshold <= c.countedMs || c.warnedMs.includes(threshold)) continue;
    const w = math.dueAfter(c.coverage, c.since, threshold - c.countedMs);
    provisional ||= w.provisional;
    warnAt.push({ at: w.at, ms: threshold });
  }
  return { ...c, dueAt: due.at, warnAt, provisional };
}

/** The clocks after `ops` at `at`, every running clock scheduled again (also after a calendar change). */
export function advanceClocks(
  math: CoverageMath,
  clocks: FaultClock[],
  at: string,
  ops: ClockOp[],
): FaultClock[] {
  const after = ops.reduce((cs, op) => apply(math, cs, op, at), clocks);
  return after.map((c) => scheduled(math, c));
}

/** The clock's next instant: its earliest warning still to come, else its due time unless breached. */
export function nextClockInstant(
  c: FaultClock,
): { kind: SlaClock; at: string; what: 'warning' | 'breach' } | null {
  if (c.since === null) return null;
  if (c.warnAt.length > 0) return { kind: c.kind, at: c.warnAt[0].at, what: 'warning' };
  if (c.dueAt && !c.breachedAt) return { kind: c.kind, at: c.dueAt, what: 'breach' };
  return null;
}

/** Covered minutes the clock has used, as of its last measure (running clocks count on). */
export const countedMinutes = (c: Pick<FaultClock, 'countedMs'>): number =>
  Math.floor(c.countedMs / MINUTE_MS);

/** The clock once its first pending warning was sent. */
export function warned(c: FaultClock): FaultClock {
  const [first, ...rest] = c.warnAt;
  return first ? { ...c, warnAt: rest, warnedMs: [...c.warnedMs, first.ms] } : c;
}

/** The clock once its breach was recorded (it runs on: the overrun is measured when it stops). */
export function breached(c: FaultClock): FaultClock {
  return { ...c, breachedAt: c.breachedAt ?? c.dueAt };
}
