import { endOfShanghaiDate } from '@luyue/domain';
import { applyRiskExpiry, type RemediationStateChange } from './security-task.reducer';
import {
  FIX_CLOCK_STATUSES,
  type FixDeadline,
  type RemediationSettings,
  type RemediationState,
  type RemediationStatus,
  type RetestRound,
} from './security-task.types';

/** The durable timers of a security task; each fires a persisted event of the same name. */
export type RemediationTimer =
  'fix_reminder' | 'fix_breached' | 'retest_reminder' | 'retest_overdue' | 'risk_expired';

export interface DueRemediationTimer {
  timer: RemediationTimer;
  at: string;
}

/** What a computeDeadline activity is asked for: the current fix period or retest. */
export interface DeadlineToCompute {
  period: 'fix' | 'retest';
  receivedAt: string;
  workingDays: number;
  reminderLeadDays: number | null;
}

/** A deadline computed with the working-day calendar by an activity. */
export interface ComputedDeadline {
  deadline: string;
  provisional: boolean;
  reminderAt: string | null;
}

// A deadline is the last millisecond of its day (24:00); it has passed one millisecond later.
const after = (iso: string): string => new Date(Date.parse(iso) + 1).toISOString();

const fixRunning = (status: RemediationStatus): boolean =>
  (FIX_CLOCK_STATUSES as readonly RemediationStatus[]).includes(status);

function currentFix(state: RemediationState): FixDeadline | null {
  const period = state.fixDeadlines.at(-1);
  return period && period.endedAt === null && fixRunning(state.status) ? period : null;
}

function currentRetest(state: RemediationState): RetestRound | null {
  const round = state.retests.at(-1);
  return round && round.outcome === null && state.status === 'retest_requested' ? round : null;
}

/**
 * Periods still running without a due time, or (the calendar changed) every running one not yet
 * breached or overdue.
 */
export function deadlinesToCompute(
  state: RemediationState,
  settings: RemediationSettings,
  recomputeAll = false,
): DeadlineToCompute[] {
  const wanted: DeadlineToCompute[] = [];
  const fix = currentFix(state);
  if (fix && (fix.dueAt === null || (recomputeAll && fix.breachedAt === null))) {
    wanted.push({
      period: 'fix',
      receivedAt: fix.receivedAt,
      workingDays: fix.workingDays,
      reminderLeadDays: settings.fixReminderLeadWorkingDays,
    });
  }
  const retest = currentRetest(state);
  if (retest && (retest.dueAt === null || (recomputeAll && retest.overdueAt === null))) {
    wanted.push({
      period: 'retest',
      receivedAt: retest.requestedAt,
      workingDays: retest.workingDays,
      reminderLeadDays: settings.retestReminderLeadWorkingDays,
    });
  }
  return wanted;
}

/**
 * Keeps a computed deadline on its period. A reminder already sent stays sent; one whose time
 * passed before it was scheduled is not sent late.
 */
export function withComputedDeadline(
  state: RemediationState,
  period: DeadlineToCompute['period'],
  computed: ComputedDeadline,
  now: string,
): RemediationState {
  const schedule = <P extends FixDeadline | RetestRound>(p: P): P => ({
    ...p,
    dueAt: computed.deadline,
    provisional: computed.provisional,
    reminderAt:
      p.reminderSentAt !== null ||
      (computed.reminderAt !== null && Date.parse(computed.reminderAt) > Date.parse(now))
        ? computed.reminderAt
        : null,
  });
  const last = <P>(list: P[], f: (p: P) => P): P[] =>
    list.map((p, i) => (i === list.length - 1 ? f(p) : p));
  return period === 'fix'
    ? { ...state, fixDeadlines: last(state.fixDeadlines, schedule) }
    : { ...state, retests: last(state.retests, schedule) };
}

/** The earliest pending timer: a reminder, a deadline passing, or an accepted risk expiring. */
export function nextRemediationTimer(state: RemediationState): DueRemediationTimer | null {
  const due: DueRemediationTimer[] = [];
  const fix = currentFix(state);
  if (fix?.dueAt) {
    if (fix.reminderAt && fix.reminderSentAt === null && fix.breachedAt === null) {
      due.push({ timer: 'fix_reminder', at: fix.reminderAt });
    }
    if (fix.breachedAt === null) due.push({ timer: 'fix_breached', at: after(fix.dueAt) });
  }
  const retest = currentRetest(state);
  if (retest?.dueAt) {
    if (retest.reminderAt && retest.reminderSentAt === null && retest.overdueAt === null) {
      due.push({ timer: 'retest_reminder', at: retest.reminderAt });
    }
    if (retest.overdueAt === null) due.push({ timer: 'retest_overdue', at: after(retest.dueAt) });
  }
  const risk = state.riskAcceptances.at(-1);
  if (state.status === 'risk_accepted' && risk && risk.expiredAt === null) {
    due.push({ timer: 'risk_expired', at: after(endOfShanghaiDate(risk.expiresOn)) });
  }
  due.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return due[0] ?? null;
}

/**
 * The state after a timer fires at `at`. A breach is recorded once per fix period, with the
 * deadline it missed; a risk expiry reopens the task (its new period still to be computed).
 */
export function applyRemediationTimer(
  state: RemediationState,
  timer: RemediationTimer,
  at: string,
  settings: RemediationSettings,
): RemediationStateChange {
  if (timer === 'risk_expired') return applyRiskExpiry(state, at, settings);
  const next: RemediationState = { ...state, seq: state.seq + 1, updatedAt: at };
  const fix = state.fixDeadlines.length - 1;
  const retest = state.retests.length - 1;
  switch (timer) {
    case 'fix_reminder':
      next.fixDeadlines = state.fixDeadlines.map((p, i) =>
        i === fix ? { ...p, reminderSentAt: at } : p,
      );
      break;
    case 'fix_breached': {
      const period = state.fixDeadlines[fix];
      next.fixDeadlines = state.fixDeadlines.map((p, i) =>
        i === fix ? { ...p, breachedAt: at } : p,
      );
      next.breaches = [
        ...state.breaches,
        { kind: 'fix_overdue', round: period.round, dueAt: period.dueAt!, recordedAt: at },
      ];
      break;
    }
    case 'retest_reminder':
      next.retests = state.retests.map((r, i) => (i === retest ? { ...r, reminderSentAt: at } : r));
      break;
    case 'retest_overdue':
      next.retests = state.retests.map((r, i) => (i === retest ? { ...r, overdueAt: at } : r));
      break;
  }
  return { next, fromStatus: state.status, toStatus: next.status };
}
