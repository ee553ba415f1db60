import { FINDING_SEVERITIES, type FindingSeverity } from './security-finding.types';
import {
  FIX_CLOCK_STATUSES,
  isRiskAcceptable,
  type RemediationState,
  type RemediationStatus,
} from './security-task.types';

/**
 * Remediation completion rate = closed-and-verified ÷ issued, item by item against the notice (rule 4).
 * Closed and verified: verified by the hospital, or a false positive the hospital confirmed
 * (checked, and not a vulnerability). An accepted risk is not fixed, so not completed: it is
 * counted apart and stays in the denominator, as does every issued item.
 */
export const COMPLETED_STATUSES = [
  'verified',
  'false_positive',
] as const satisfies readonly RemediationStatus[];

export function countsAsCompleted(status: RemediationStatus): boolean {
  return (COMPLETED_STATUSES as readonly RemediationStatus[]).includes(status);
}

/** One task as the figures need it (from its state, or from the store's columns). */
export interface CompletionItem {
  noticeId: string;
  severity: FindingSeverity;
  source: string;
  status: RemediationStatus;
  /** When the notice was issued. */
  issuedAt: string;
  /** When verified (or confirmed a false positive); null otherwise. */
  closedAt: string | null;
  /** Past the running fix deadline now. */
  overdue: boolean;
  /** Missed a fix deadline at least once. */
  breached: boolean;
}

export function completionItemOf(state: RemediationState, now: string): CompletionItem {
  const period = state.fixDeadlines.at(-1);
  const running =
    (FIX_CLOCK_STATUSES as readonly RemediationStatus[]).includes(state.status) &&
    period !== undefined &&
    period.endedAt === null &&
    period.dueAt !== null;
  return {
    noticeId: state.noticeId,
    severity: state.severity,
    source: state.source,
    status: state.status,
    issuedAt: state.issuedAt,
    closedAt: state.closedAt,
    overdue: running && Date.parse(now) > Date.parse(period.dueAt!),
    breached: state.breaches.length > 0,
  };
}

export interface CompletionCounts {
  issued: number;
  verified: number;
  falsePositive: number;
  riskAccepted: number;
  /** verified + falsePositive; riskAccepted is not completed. */
  completed: number;
  overdue: number;
  breached: number;
  /** completed ÷ issued; null when nothing was issued. */
  rate: number | null;
  /** A medium, high or critical item is not completed: rule 4 wants those at 100 %. */
  flagged: boolean;
}

export interface WorkingDaySpread {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface CompletionFigures extends CompletionCounts {
  bySeverity: Record<FindingSeverity, CompletionCounts>;
  bySource: Record<string, CompletionCounts>;
  /** Working days from the notice to the hospital's verification, of verified items. */
  daysToVerification: WorkingDaySpread;
}

export interface NoticeCompletion extends CompletionFigures {
  noticeId: string;
}

/** Working days after `from`'s day up to `to`'s day (the calendar library's count). */
export type WorkingDaysBetween = (from: string, to: string) => number;

export function completionCounts(items: readonly CompletionItem[]): CompletionCounts {
  const count = (f: (i: CompletionItem) => boolean): number => items.filter(f).length;
  const completed = count((i) => countsAsCompleted(i.status));
  return {
    issued: items.length,
    verified: count((i) => i.status === 'verified'),
    falsePositive: count((i) => i.status === 'false_positive'),
    riskAccepted: count((i) => i.status === 'risk_accepted'),
    completed,
    overdue: count((i) => i.overdue),
    breached: count((i) => i.breached),
    rate: items.length === 0 ? null : completed / items.length,
    flagged: items.some((i) => !isRiskAcceptable(i.severity) && !countsAsCompleted(i.status)),
  };
}

/** Median (mean of the middle two for an even count) and p90 by nearest rank. */
export function workingDaySpread(days: readonly number[]): WorkingDaySpread {
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, median: null, p90: null };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, median, p90: sorted[Math.ceil(0.9 * n) - 1] };
}

/** The figures of any set of items: a notice, or a contract year. */
export function completionFigures(
  items: readonly CompletionItem[],
  workingDaysBetween: WorkingDaysBetween,
): CompletionFigures {
  const bySeverity = Object.fromEntries(
    FINDING_SEVERITIES.map((s) => [s, completionCounts(items.filter((i) => i.severity === s))]),
  ) as Record<FindingSeverity, CompletionCounts>;
  const sources = [...new Set(items.map((i) => i.source))];
  const bySource = Object.fromEntries(
    sources.map((s) => [s, completionCounts(items.filter((i) => i.source === s))]),
  );
  const days = items
    .filter((i) => i.status === 'verified' && i.closedAt !== null)
    .map((i) => workingDaysBetween(i.issuedAt, i.closedAt!));
  return {
    ...completionCounts(items),
    bySeverity,
    bySource,
    daysToVerification: workingDaySpread(days),
  };
}

/** One row per notice, in the order the notices first appear. */
export function completionByNotice(
  items: readonly CompletionItem[],
  workingDaysBetween: WorkingDaysBetween,
): NoticeCompletion[] {
  const notices = [...new Set(items.map((i) => i.noticeId))];
  return notices.map((noticeId) => ({
    noticeId,
    ...completionFigures(
      items.filter((i) => i.noticeId === noticeId),
      workingDaysBetween,
    ),
  }));
}
