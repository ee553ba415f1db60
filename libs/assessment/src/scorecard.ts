import {
  ASSESSMENT_INDICATOR_LABELS,
  shanghaiDateAt,
  addCalendarDays,
  type AssessmentIndicatorKey,
} from '@luyue/domain';
import { dutyFigures, isDutyDone, isDutyDue, type DutyFigureInput } from '@luyue/duty/definitions';
import {
  FAULT_LEVELS,
  isOverrun,
  majorBreachOf,
  type FaultLevel,
  type FaultTicketState,
  type SlaClock,
} from '@luyue/fault-ticket/definitions';
import {
  completionCounts,
  countsAsCompleted,
  isRiskAcceptable,
  type CompletionItem,
} from '@luyue/security/definitions';
import {
  INDICATOR_RULES,
  type AssessmentTemplate,
  type IndicatorRule,
  type MaintenanceWindow,
} from './assessment-template';

export type EvidenceKind = 'fault_ticket' | 'duty' | 'requirement' | 'security_task';

/** One item counted, so the page can link it; `mark` says how it counted. */
export interface EvidenceItem {
  kind: EvidenceKind;
  id: string;
  number: string;
  mark: string;
  detail?: string[];
}

export type Outcome = 'pass' | 'fail' | 'no_data' | 'disabled';

export interface Indicator extends IndicatorRule {
  key: AssessmentIndicatorKey;
  enabled: boolean;
  target: number;
  formula: string;
  /** Percent (two decimals, for reading), count or points; null without data. */
  value: number | null;
  /** The exact fraction a percent value stands for (pass/fail is decided on it). */
  ratio: { part: number; whole: number } | null;
  outcome: Outcome;
  manual: { note: string } | null;
  counts: Record<string, number>;
  evidence: EvidenceItem[];
}

export interface ScorecardFault {
  id: string;
  number: string;
  level: FaultLevel;
  reportedAt: string;
  /** When the recovery clock stopped; null while the system is still down. */
  restoredAt: string | null;
  overruns: SlaClock[];
}

export type ScorecardDuty = DutyFigureInput & { id: string; number: string };
export type ScorecardTask = Pick<CompletionItem, 'severity' | 'status'> & {
  id: string;
  number: string;
};

export interface ScorecardInput {
  contractYear: number;
  /** The contract year's first and last day (Shanghai). */
  startDate: string;
  endDate: string;
  now: string;
  faults: ScorecardFault[];
  duties: ScorecardDuty[];
  /** Requests confirmed (approved at some point) and accepted, by id. */
  requirements: { confirmed: string[]; accepted: string[] };
  securityTasks: ScorecardTask[];
}

export interface Scorecard {
  contractYear: number;
  startDate: string;
  endDate: string;
  asOf: string;
  /** Fail when an enabled indicator fails; no data when none fails and one has none yet. */
  overall: 'pass' | 'fail' | 'no_data';
  indicators: Indicator[];
}

/** What a ticket's state says of the year's figures. */
export function scorecardFaultOf(s: FaultTicketState): ScorecardFault {
  return {
    id: s.ticketId,
    number: s.number,
    level: s.level,
    reportedAt: s.reportedAt,
    restoredAt: s.clocks.find((c) => c.kind === 'recovery')?.stoppedAt ?? null,
    overruns: s.clocks.filter(isOverrun).map((c) => c.kind),
  };
}

type Measured = Pick<Indicator, 'value' | 'ratio' | 'counts' | 'evidence'> & {
  manual?: Indicator['manual'];
};

const ratioOf = (part: number, whole: number): Pick<Indicator, 'value' | 'ratio'> =>
  whole === 0
    ? { value: null, ratio: null }
    : { value: Math.round((part * 10000) / whole) / 100, ratio: { part, whole } };

/** Exact: a percent target has at most two decimals, so compare in hundredths of a percent. */
export function meetsTarget(
  rule: Pick<IndicatorRule, 'unit' | 'comparison'>,
  target: number,
  m: Pick<Indicator, 'value' | 'ratio'>,
): boolean | null {
  if (m.value === null) return null;
  if (rule.unit === 'percent' && m.ratio) {
    const lhs = m.ratio.part * 10000;
    const rhs = Math.round(target * 100) * m.ratio.whole;
    return rule.comparison === 'at_least' ? lhs >= rhs : lhs <= rhs;
  }
  return rule.comparison === 'at_least' ? m.value >= target : m.value <= target;
}

function faultResponse(faults: readonly ScorecardFault[]): Measured {
  const counts: Record<string, number> = { tickets: faults.length };
  let overruns = 0;
  for (const level of FAULT_LEVELS) {
    const n = faults.filter((f) => f.level === level).reduce((a, f) => a + f.overruns.length, 0);
    counts[`overruns.${level}`] = n;
    if (majorBreachOf(level, n)?.breached) counts[`major_breach.${level}`] = 1;
    overruns += n;
  }
  counts.overruns = overruns;
  return {
    value: faults.length === 0 ? null : overruns,
    ratio: null,
    counts,
    evidence: faults
      .filter((f) => f.overruns.length > 0)
      .map((f) => ({
        kind: 'fault_ticket',
        id: f.id,
        number: f.number,
        mark: 'overruns',
        detail: f.overruns,
      })),
  };
}

function taskCompletion(duties: readonly ScorecardDuty[], now: string): Measured {
  const { total } = dutyFigures(duties, now);
  return {
    ...ratioOf(total.done, total.due),
    counts: { due: total.due, done: total.done, missed: total.missed },
    evidence: duties
      .filter((d) => isDutyDue(d, now))
      .map((d) => ({
        kind: 'duty',
        id: d.id,
        number: d.number,
        mark: isDutyDone(d) ? 'done' : 'missed',
      })),
  };
}

function requirementCompletion(r: ScorecardInput['requirements']): Measured {
  const accepted = new Set(r.accepted);
  return {
    ...ratioOf(r.accepted.length, r.confirmed.length),
    counts: { confirmed: r.confirmed.length, accepted: r.accepted.length },
    evidence: r.confirmed.map((id) => ({
      kind: 'requirement',
      id,
      number: id,
      mark: accepted.has(id) ? 'accepted' : 'notAccepted',
    })),
  };
}

function securityRemediation(tasks: readonly ScorecardTask[]): Measured {
  // Rule 4 asks for every medium-or-worse item; low and info may be risk-accepted.
  const owed = tasks.filter((t) => !isRiskAcceptable(t.severity));
  const c = completionCounts(
    owed.map((t) => ({
      ...t,
      noticeId: '',
      source: '',
      issuedAt: '',
      closedAt: null,
      overdue: false,
      breached: false,
    })),
  );
  return {
    ...ratioOf(c.completed, c.issued),
    counts: { issued: c.issued, completed: c.completed, riskAccepted: c.riskAccepted },
    evidence: owed.map((t) => ({
      kind: 'security_task',
      id: t.id,
      number: t.number,
      mark: countsAsCompleted(t.status) ? 'completed' : 'open',
    })),
  };
}

type Span = [number, number];
const MINUTE = 60_000;

/** Sorted, disjoint spans covering the same minutes. */
function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const length = (spans: readonly Span[]): number => spans.reduce((s, [a, b]) => s + b - a, 0);

/** Minutes two disjoint-span sets share. */
function overlap(x: readonly Span[], y: readonly Span[]): number {
  let n = 0;
  for (const [a, b] of x) for (const [c, d] of y) n += Math.max(0, Math.min(b, d) - Math.max(a, c));
  return n;
}

const clip = ([a, b]: Span, [lo, hi]: Span): Span => [Math.max(a, lo), Math.min(b, hi)];

/**
 * Availability in whole minutes: the year's running time so far, less the approved maintenance
 * windows, against the level-1 outages (reported to restored, still down counting until now)
 * outside those windows.
 */
export function availability(
  input: Pick<ScorecardInput, 'startDate' | 'endDate' | 'now' | 'faults'>,
  windows: readonly MaintenanceWindow[],
): Measured {
  const minute = (iso: string, up = false): number =>
    (up ? Math.ceil : Math.floor)(Date.parse(iso) / MINUTE);
  const start = minute(shanghaiDateAt(input.startDate, 0));
  const end = Math.min(
    minute(shanghaiDateAt(addCalendarDays(input.endDate, 1), 0)),
    minute(input.now),
  );
  const year: Span = [start, end];
  const maintenance = union(windows.map((w) => clip([minute(w.from), minute(w.to, true)], year)));
  const outagesOf = input.faults.filter((f) => f.level === 'level_1');
  const outages = union(
    outagesOf.map((f) =>
      clip([minute(f.reportedAt), f.restoredAt ? minute(f.restoredAt, true) : end], year),
    ),
  );
  const planned = Math.max(0, end - start) - length(maintenance);
  const down = length(outages) - overlap(outages, maintenance);
  return {
    ...ratioOf(planned - down, planned),
    counts: {
      plannedMinutes: planned,
      outageMinutes: down,
      maintenanceMinutes: length(maintenance),
      outages: outagesOf.length,
    },
    evidence: outagesOf.map((f) => ({
      kind: 'fault_ticket',
      id: f.id,
      number: f.number,
      mark: 'outages',
    })),
  };
}

const NO_DATA: Measured = { value: null, ratio: null, counts: {}, evidence: [] };

/** A contract year's scorecard: each indicator of the template measured and judged. */
export function scorecard(input: ScorecardInput, template: AssessmentTemplate): Scorecard {
  const a = template.availability;
  const measured: Record<AssessmentIndicatorKey, () => Measured> = {
    availability: () => {
      const computed = availability(input, a.maintenanceWindows);
      return a.manualPercent === null
        ? computed
        : { ...computed, value: a.manualPercent, ratio: null, manual: { note: a.manualNote } };
    },
    fault_response: () => faultResponse(input.faults),
    task_completion: () => taskCompletion(input.duties, input.now),
    requirement_completion: () => requirementCompletion(input.requirements),
    security_remediation: () => securityRemediation(input.securityTasks),
    // Surveys come later: never a made-up figure.
    satisfaction: () => NO_DATA,
    it_department_score: () => NO_DATA,
  };
  const indicators = template.indicators.map((s): Indicator => {
    const rule = INDICATOR_RULES[s.key];
    const m = measured[s.key]();
    const met = meetsTarget(rule, s.target, m);
    return {
      key: s.key,
      enabled: s.enabled,
      ...rule,
      target: s.target,
      formula: ASSESSMENT_INDICATOR_LABELS[s.key].formula,
      value: m.value,
      ratio: m.ratio,
      outcome: !s.enabled ? 'disabled' : met === null ? 'no_data' : met ? 'pass' : 'fail',
      manual: m.manual ?? null,
      counts: m.counts,
      evidence: m.evidence,
    };
  });
  const outcomes = indicators.map((i) => i.outcome);
  return {
    contractYear: input.contractYear,
    startDate: input.startDate,
    endDate: input.endDate,
    asOf: input.now,
    overall: outcomes.includes('fail') ? 'fail' : outcomes.includes('no_data') ? 'no_data' : 'pass',
    indicators,
  };
}
