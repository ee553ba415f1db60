import { ActorRef, actorRefOf } from '@luyue/domain';
import type { Actor } from '@luyue/domain';
import { REMEDIATION_PROCESS } from './security-task.process';
import { reopensClosedTask, unverifiedLines } from './security-task.rules';
import { isFinalRemediationStatus } from './security-task.types';
import type {
  FixCause,
  FixDeadline,
  FixEnd,
  RemediationActionCall,
  RemediationInput,
  RemediationLine,
  RemediationSettings,
  RemediationState,
  RemediationStatus,
  RetestImportResult,
  RetestRound,
} from './security-task.types';

export function initialRemediationState(input: RemediationInput): RemediationState {
  const state: RemediationState = {
    taskId: input.taskId,
    noticeId: input.noticeId,
    contractId: input.contractId,
    contractYear: input.contractYear,
    title: input.title,
    severity: input.severity,
    source: input.source,
    issuedAt: input.issuedAt,
    status: 'open',
    lines: input.lines.map((l) => openLine(l.lineId, l.label)),
    started: null,
    fixes: [],
    fixDeadlines: [],
    retests: [],
    verifications: [],
    riskAcceptances: [],
    falsePositives: [],
    retestImports: [],
    breaches: [],
    closedAt: null,
    seq: 0,
    updatedAt: input.issuedAt,
  };
  return { ...state, fixDeadlines: [fixPeriod(state, 'issued', input.issuedAt, input.settings)] };
}

export interface RemediationStateChange {
  next: RemediationState;
  fromStatus: RemediationStatus;
  toStatus: RemediationStatus;
}

/**
 * The state after a person's action; the caller has checked role, state and payload. A new
 * period (fix after a failed retest, a retest) starts without its due time: the workflow has
 * it computed with the working-day calendar before persisting.
 */
export function applyRemediationAction(
  state: RemediationState,
  call: RemediationActionCall,
  actor: Actor,
  at: string,
  settings: RemediationSettings,
): RemediationStateChange {
  const rule = REMEDIATION_PROCESS.actions[call.action];
  const by = actorRefOf(actor);
  const next: RemediationState = {
    ...state,
    status: rule.to ?? state.status,
    seq: state.seq + 1,
    updatedAt: at,
  };
  switch (call.action) {
    case 'start':
      next.started = { at, by, note: call.payload.note.trim() };
      break;
    case 'fix': {
      const ids = call.payload.assets ?? unverifiedLines(state).map((l) => l.lineId);
      next.lines = state.lines.map((l) =>
        ids.includes(l.lineId) ? { ...l, status: 'fixed', fixedAt: at, fixedBy: by } : l,
      );
      next.fixes = [
        ...state.fixes,
        { at, by, note: call.payload.note.trim(), proof: call.payload.proof, lineIds: ids },
      ];
      next.status = everyOpenLineFixed(next.lines) ? 'fixed' : 'in_progress';
      break;
    }
    case 'request-retest':
      next.fixDeadlines = endCurrentPeriod(state.fixDeadlines, at, 'retest_requested');
      next.retests = [...state.retests, retestRound(at, by, call.payload.note.trim(), settings)];
      break;
    case 'verify': {
      const ids =
        call.payload.assets ??
        unverifiedLines(state)
          .filter((l) => l.status !== 'open')
          .map((l) => l.lineId);
      next.lines = state.lines.map((l) =>
        ids.includes(l.lineId) ? { ...l, status: 'verified', verifiedAt: at, verifiedBy: by } : l,
      );
      next.verifications = [
        ...(state.verifications ?? []),
        { at, by, note: call.payload.note.trim(), lineIds: ids },
      ];
      if (next.lines.every((l) => l.status === 'verified')) {
        next.status = 'verified';
        next.closedAt = at;
        next.retests = decideRetest(state.retests, 'verified', at, by, null);
      }
      break;
    }
    case 'fail-retest': {
      const ids = call.payload.assets ?? unverifiedLines(state).map((l) => l.lineId);
      next.lines = state.lines.map((l) => (ids.includes(l.lineId) ? reopenLine(l) : l));
      const reason = call.payload.reason.trim();
      next.retests = decideRetest(state.retests, 'failed', at, by, reason);
      next.fixDeadlines = [...state.fixDeadlines, fixPeriod(state, 'retest_failed', at, settings)];
      break;
    }
    case 'accept-risk':
      next.fixDeadlines = endCurrentPeriod(state.fixDeadlines, at, 'risk_accepted');
      next.riskAcceptances = [
        ...state.riskAcceptances,
        {
          at,
          by,
          reason: call.payload.reason.trim(),
          expiresOn: call.payload.expiresOn,
          expiredAt: null,
        },
      ];
      break;
    case 'propose-false-positive':
      next.falsePositives = [
        ...state.falsePositives,
        {
          at,
          by,
          reason: call.payload.reason.trim(),
          resumeStatus: state.status,
          decision: null,
          decidedAt: null,
          decidedBy: null,
          comment: null,
        },
      ];
      break;
    case 'confirm-false-positive':
      next.fixDeadlines = endCurrentPeriod(state.fixDeadlines, at, 'false_positive');
      next.falsePositives = decideProposal(state, 'confirmed', at, by, call.payload.note.trim());
      next.closedAt = at;
      break;
    case 'refuse-false-positive':
      next.falsePositives = decideProposal(state, 'refused', at, by, call.payload.reason.trim());
      next.status = state.falsePositives.at(-1)?.resumeStatus ?? 'open';
      break;
    default: {
      const unknown: never = call;
      throw new Error(`unhandled action ${String(unknown)}`);
    }
  }
  return { next, fromStatus: state.status, toStatus: next.status };
}

/**
 * A retest import's results (the caller has checked them): a finding gone fixes its line by
 * retest, a finding still present (or found on a new asset) reopens its line. A line the
 * vendor claimed fixed still showing reopens a task that was fixed or waiting for its retest,
 * with a new fix period from the import; every open line gone puts the task before the
 * hospital for confirmation. A closed task reopens when reopensClosedTask says so (in a new run
 * of its workflow). Null when this import was applied before or changes nothing.
 */
export function applyRetestImport(
  state: RemediationState,
  result: RetestImportResult,
  at: string,
  settings: RemediationSettings,
): RemediationStateChange | null {
  if (state.retestImports.includes(result.importId)) return null;
  const closed = isFinalRemediationStatus(state.status);
  if (closed && !reopensClosedTask(state, result)) return null;
  let regressed = false;
  const lines = state.lines.map((l): RemediationLine => {
    const found = result.lines.find((r) => r.lineId === l.lineId);
    if (!found) return l;
    const retest = { importId: result.importId, at, present: found.present };
    if (found.present) {
      if (l.status !== 'open') regressed = true;
      return { ...reopenLine(l), retest };
    }
    return l.status === 'verified' ? { ...l, retest } : { ...l, status: 'fixed_by_retest', retest };
  });
  for (const found of result.lines) {
    if (state.lines.some((l) => l.lineId === found.lineId)) continue;
    regressed = true;
    lines.push({
      ...openLine(found.lineId, found.label ?? found.lineId),
      retest: { importId: result.importId, at, present: true },
    });
  }
  const next: RemediationState = {
    ...state,
    lines,
    retestImports: [...state.retestImports, result.importId],
    seq: state.seq + 1,
    updatedAt: at,
  };
  if (closed) {
    // A closed task found again: reopened with a new fix period from the import.
    next.status = 'reopened';
    next.closedAt = null;
    next.fixDeadlines = [...state.fixDeadlines, fixPeriod(state, 'retest_import', at, settings)];
    return { next, fromStatus: state.status, toStatus: next.status };
  }
  const claimedFixed = state.status === 'fixed' || state.status === 'retest_requested';
  const working = claimedFixed || ['open', 'in_progress', 'reopened'].includes(state.status);
  if (claimedFixed && regressed) {
    next.status = 'reopened';
    // Only a requested retest had ended the vendor's period; a fix not yet offered keeps it.
    if (state.status === 'retest_requested') {
      next.retests = decideRetest(state.retests, 'failed', at, null, null);
      next.fixDeadlines = [...state.fixDeadlines, fixPeriod(state, 'retest_import', at, settings)];
    }
  } else if (working && state.status !== 'retest_requested' && everyOpenLineGone(lines)) {
    next.status = 'retest_requested';
    next.fixDeadlines = endCurrentPeriod(state.fixDeadlines, at, 'retest_import');
    next.retests = [...state.retests, retestRound(at, null, '', settings)];
  }
  return { next, fromStatus: state.status, toStatus: next.status };
}

/** An accepted risk's expiry: the task reopens with a new fix period from that moment. */
export function applyRiskExpiry(
  state: RemediationState,
  at: string,
  settings: RemediationSettings,
): RemediationStateChange {
  const next: RemediationState = {
    ...state,
    status: 'reopened',
    riskAcceptances: state.riskAcceptances.map((r, i, all) =>
      i === all.length - 1 ? { ...r, expiredAt: at } : r,
    ),
    fixDeadlines: [...state.fixDeadlines, fixPeriod(state, 'risk_expired', at, settings)],
    seq: state.seq + 1,
    updatedAt: at,
  };
  return { next, fromStatus: state.status, toStatus: 'reopened' };
}

function openLine(lineId: string, label: string): RemediationLine {
  return {
    lineId,
    label,
    status: 'open',
    fixedAt: null,
    fixedBy: null,
    verifiedAt: null,
    verifiedBy: null,
    retest: null,
  };
}

function reopenLine(line: RemediationLine): RemediationLine {
  return {
    ...line,
    status: 'open',
    fixedAt: null,
    fixedBy: null,
    verifiedAt: null,
    verifiedBy: null,
  };
}

function everyOpenLineFixed(lines: readonly RemediationLine[]): boolean {
  return lines.every((l) => l.status !== 'open');
}

/** Every line not verified was fixed by retest or by the vendor, and at least one by retest. */
function everyOpenLineGone(lines: readonly RemediationLine[]): boolean {
  return everyOpenLineFixed(lines) && lines.some((l) => l.status === 'fixed_by_retest');
}

function fixPeriod(
  state: Pick<RemediationState, 'fixDeadlines' | 'severity'>,
  cause: FixCause,
  receivedAt: string,
  settings: RemediationSettings,
): FixDeadline {
  return {
    round: state.fixDeadlines.length + 1,
    cause,
    receivedAt,
    workingDays: settings.fixWorkingDays[state.severity],
    dueAt: null,
    reminderAt: null,
    provisional: false,
    reminderSentAt: null,
    breachedAt: null,
    endedAt: null,
    endedBy: null,
  };
}

function endCurrentPeriod(periods: FixDeadline[], at: string, by: FixEnd): FixDeadline[] {
  return periods.map((p, i) =>
    i === periods.length - 1 && p.endedAt === null ? { ...p, endedAt: at, endedBy: by } : p,
  );
}

function retestRound(
  at: string,
  by: ActorRef | null,
  note: string,
  settings: RemediationSettings,
): RetestRound {
  return {
    requestedAt: at,
    requestedBy: by,
    note,
    workingDays: settings.retestWorkingDays,
    dueAt: null,
    reminderAt: null,
    provisional: false,
    reminderSentAt: null,
    overdueAt: null,
    outcome: null,
    decidedAt: null,
    decidedBy: null,
    reason: null,
  };
}

function decideRetest(
  rounds: RetestRound[],
  outcome: 'verified' | 'failed',
  at: string,
  by: ActorRef | null,
  reason: string | null,
): RetestRound[] {
  return rounds.map((r, i) =>
    i === rounds.length - 1 && r.outcome === null
      ? { ...r, outcome, decidedAt: at, decidedBy: by, reason }
      : r,
  );
}

function decideProposal(
  state: RemediationState,
  decision: 'confirmed' | 'refused',
  at: string,
  by: ActorRef,
  comment: string,
) {
  return state.falsePositives.map((p, i, all) =>
    i === all.length - 1 ? { ...p, decision, decidedAt: at, decidedBy: by, comment } : p,
  );
}
