import type { Party } from '@luyue/domain';
import type { ChangeRequestState, PartyReply } from './change-request.types';

/** The durable timers of a change request; each fires a persisted event. */
export type ChangeTimer = 'reply_reminder' | 'lapsed';

export interface DueChangeTimer {
  timer: ChangeTimer;
  at: string;
  parties: Party[];
}

/** A reply schedule computed with the working-day calendar by an activity. */
export interface ReplySchedule {
  dueAt: string;
  reminderAts: string[];
  provisional: boolean;
}

// A deadline is the last millisecond of its day (24:00); it has passed one millisecond later.
const after = (iso: string): string => new Date(Date.parse(iso) + 1).toISOString();

/** Receiving parties still waiting that need a schedule (or a new one after a calendar change). */
export function repliesToSchedule(state: ChangeRequestState, recomputeAll = false): Party[] {
  if (state.status !== 'awaiting_replies') return [];
  return state.replies
    .filter((r) => r.decision === null && (r.dueAt === null || recomputeAll))
    .map((r) => r.party);
}

/**
 * Keeps the computed schedule for `parties`; reminders already sent stay counted, and a
 * reminder whose time passed before it was scheduled is not sent late.
 */
export function withReplySchedule(
  state: ChangeRequestState,
  parties: readonly Party[],
  schedule: ReplySchedule,
  now: string,
): ChangeRequestState {
  const replies = state.replies.map((r): PartyReply => {
    if (!parties.includes(r.party)) return r;
    const fresh = schedule.reminderAts.filter(
      (at, i) => i < r.remindersSent || Date.parse(at) > Date.parse(now),
    );
    return {
      ...r,
      dueAt: schedule.dueAt,
      reminderAts: fresh,
      remindersSent: Math.min(r.remindersSent, fresh.length),
      provisional: schedule.provisional,
    };
  });
  return { ...state, replies };
}

/** The earliest pending timer: a party's next reminder, or the first deadline passing. */
export function nextChangeTimer(state: ChangeRequestState): DueChangeTimer | null {
  if (state.status !== 'awaiting_replies') return null;
  let best: DueChangeTimer | null = null;
  const consider = (timer: ChangeTimer, at: string, party: Party): void => {
    if (best === null || Date.parse(at) < Date.parse(best.at))
      best = { timer, at, parties: [party] };
    else if (best.at === at && best.timer === timer) best.parties.push(party);
  };
  for (const r of state.replies) {
    if (r.decision !== null || r.dueAt === null) continue;
    const reminder = r.reminderAts[r.remindersSent];
    if (reminder !== undefined) consider('reply_reminder', reminder, r.party);
    consider('lapsed', after(r.dueAt), r.party);
  }
  return best;
}

/** Counts the reminder as sent for `parties`. */
export function withReminderSent(
  state: ChangeRequestState,
  parties: readonly Party[],
  at: string,
): ChangeRequestState {
  return {
    ...state,
    replies: state.replies.map((r) =>
      parties.includes(r.party) ? { ...r, remindersSent: r.remindersSent + 1 } : r,
    ),
    seq: state.seq + 1,
    updatedAt: at,
  };
}
