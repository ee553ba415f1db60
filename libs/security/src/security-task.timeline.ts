import { ActorRef } from '@luyue/domain';
import type { RemediationAction, RemediationState } from './security-task.types';

/** One person's step of a task with the words written with it, as the task page lists them. */
export interface RemediationTimelineEntry {
  at: string;
  step: RemediationAction;
  by: ActorRef | null;
  note: string;
}

/**
 * The steps people took on a task, oldest first, each with its note, reason or comment: every
 * note a step takes is shown. A retest round a retest import opened (no person) is left out.
 */
export function remediationTimeline(state: RemediationState): RemediationTimelineEntry[] {
  const entries: RemediationTimelineEntry[] = [];
  if (state.started) entries.push({ ...state.started, step: 'start' });
  for (const f of state.fixes) entries.push({ at: f.at, by: f.by, note: f.note, step: 'fix' });
  for (const r of state.retests) {
    if (r.requestedBy) {
      entries.push({ at: r.requestedAt, by: r.requestedBy, note: r.note, step: 'request-retest' });
    }
    if (r.outcome === 'failed' && r.decidedAt && r.decidedBy) {
      entries.push({ at: r.decidedAt, by: r.decidedBy, note: r.reason ?? '', step: 'fail-retest' });
    }
  }
  for (const v of state.verifications ?? []) {
    entries.push({ at: v.at, by: v.by, note: v.note, step: 'verify' });
  }
  for (const a of state.riskAcceptances) {
    entries.push({ at: a.at, by: a.by, note: a.reason, step: 'accept-risk' });
  }
  for (const p of state.falsePositives) {
    entries.push({ at: p.at, by: p.by, note: p.reason, step: 'propose-false-positive' });
    if (p.decision && p.decidedAt) {
      entries.push({
        at: p.decidedAt,
        by: p.decidedBy,
        note: p.comment ?? '',
        step: p.decision === 'confirmed' ? 'confirm-false-positive' : 'refuse-false-positive',
      });
    }
  }
  // Stable: steps at the same instant keep the order above.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
