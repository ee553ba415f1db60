import { addCalendarDays, endOfShanghaiDate, shanghaiDateAt } from '@luyue/domain';
import { DELIVERY_STATUSES } from './requirement.process';
import type {
  RequirementBreach,
  RequirementDeadlines,
  RequirementEvent,
  RequirementState,
} from './requirement.types';

/** The durable timers of a request; each fires a persisted event of the same name. */
export type RequirementTimer = Extract<
  RequirementEvent,
  | 'assessment_reminder'
  | 'assessment_breached'
  | 'delivery_reminder'
  | 'delivery_overdue'
  | 'signoff_reminder'
>;

/** A schedule computed with the working-day calendar by an activity. */
export interface ComputedSchedule {
  dueAt: string;
  reminderAt: string | null;
  provisional: boolean;
}

/** Which schedules must be (re)computed by an activity before the next wait. */
export interface SchedulesToCompute {
  assessment: boolean;
  delivery: boolean;
  signOff: boolean;
}

// A deadline is the last millisecond of its day (24:00); it is breached one millisecond later.
const after = (iso: string): string => new Date(Date.parse(iso) + 1).toISOString();

/**
 * Missing or stale schedules for the current state; with `recomputeAll` (the calendar changed)
 * every schedule still running is recomputed.
 */
export function schedulesToCompute(
  state: RequirementState,
  recomputeAll = false,
): SchedulesToCompute {
  const { assessment, delivery, signOff } = state.deadlines;
  const delivering = DELIVERY_STATUSES.includes(state.status) && state.plannedDeliveryDate !== null;
  return {
    assessment:
      state.status === 'assessing' &&
      (assessment === null || (recomputeAll && assessment.breachedAt === null)),
    delivery:
      delivering &&
      (delivery === null ||
        delivery.plannedDeliveryDate !== state.plannedDeliveryDate ||
        (recomputeAll && delivery.overdueAt === null)),
    signOff:
      state.status === 'released' &&
      (signOff === null || signOff.nextReminderAt === null || recomputeAll),
  };
}

/** A reminder whose time has already passed when it is scheduled is not sent late. */
const futureOrNull = (at: string | null, now: string): string | null =>
  at !== null && Date.parse(at) > Date.parse(now) ? at : null;

export function withAssessmentSchedule(
  state: RequirementState,
  computed: ComputedSchedule,
  now: string,
): RequirementState {
  const previous = state.deadlines.assessment;
  return withDeadlines(state, {
    assessment: {
      dueAt: computed.dueAt,
      reminderAt: previous?.reminderSentAt
        ? computed.reminderAt
        : futureOrNull(computed.reminderAt, now),
      provisional: computed.provisional,
      reminderSentAt: previous?.reminderSentAt ?? null,
      breachedAt: previous?.breachedAt ?? null,
    },
  });
}

export function withDeliverySchedule(
  state: RequirementState,
  computed: ComputedSchedule,
  now: string,
): RequirementState {
  const previous = state.deadlines.delivery;
  // A new planned date starts afresh; a recomputation of the same date keeps what was sent.
  const same = previous?.plannedDeliveryDate === state.plannedDeliveryDate ? previous : null;
  return withDeadlines(state, {
    delivery: {
      plannedDeliveryDate: state.plannedDeliveryDate!,
      dueAt: computed.dueAt,
      reminderAt: same?.reminderSentAt
        ? computed.reminderAt
        : futureOrNull(computed.reminderAt, now),
      provisional: computed.provisional,
      reminderSentAt: same?.reminderSentAt ?? null,
      overdueAt: same?.overdueAt ?? null,
    },
  });
}

/** The next sign-off reminder, counted from the release or the previous reminder. */
export function withSignOffSchedule(
  state: RequirementState,
  computed: { reminderAt: string; provisional: boolean },
): RequirementState {
  const previous = state.deadlines.signOff;
  return withDeadlines(state, {
    signOff: {
      anchorAt: signOffAnchor(state),
      nextReminderAt: computed.reminderAt,
      provisional: computed.provisional,
      remindersSent: previous?.remindersSent ?? 0,
    },
  });
}

/** Where the next sign-off reminder is counted from. */
export function signOffAnchor(state: RequirementState): string {
  return state.deadlines.signOff?.anchorAt ?? state.release?.releasedAt ?? state.updatedAt;
}

/** The earliest timer still to fire in the current state, or null when nothing is waited for. */
export function nextRequirementTimer(
  state: RequirementState,
): { timer: RequirementTimer; at: string } | null {
  const candidates: Array<{ timer: RequirementTimer; at: string }> = [];
  const { assessment, delivery, signOff } = state.deadlines;
  if (state.status === 'assessing' && assessment && assessment.breachedAt === null) {
    if (assessment.reminderSentAt === null && assessment.reminderAt !== null) {
      candidates.push({ timer: 'assessment_reminder', at: assessment.reminderAt });
    }
    candidates.push({ timer: 'assessment_breached', at: after(assessment.dueAt) });
  }
  if (
    DELIVERY_STATUSES.includes(state.status) &&
    delivery &&
    delivery.plannedDeliveryDate === state.plannedDeliveryDate &&
    delivery.overdueAt === null
  ) {
    if (delivery.reminderSentAt === null && delivery.reminderAt !== null) {
      candidates.push({ timer: 'delivery_reminder', at: delivery.reminderAt });
    }
    candidates.push({ timer: 'delivery_overdue', at: after(delivery.dueAt) });
  }
  if (state.status === 'released' && signOff?.nextReminderAt) {
    candidates.push({ timer: 'signoff_reminder', at: signOff.nextReminderAt });
  }
  candidates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return candidates[0] ?? null;
}

/** The state after a timer fired at `at`, the breach it records and the deadline it is about. */
export function applyRequirementTimer(
  state: RequirementState,
  timer: RequirementTimer,
  at: string,
): { next: RequirementState; breach: RequirementBreach | null; dueAt: string | null } {
  const { assessment, delivery, signOff } = state.deadlines;
  const bump = (s: RequirementState): RequirementState => ({
    ...s,
    seq: state.seq + 1,
    updatedAt: at,
  });
  switch (timer) {
    case 'assessment_reminder':
      return {
        next: bump(withDeadlines(state, { assessment: { ...assessment!, reminderSentAt: at } })),
        breach: null,
        dueAt: assessment!.dueAt,
      };
    case 'assessment_breached': {
      const breach: RequirementBreach = {
        kind: 'assessment_overdue',
        dueAt: assessment!.dueAt,
        recordedAt: at,
      };
      const next = withDeadlines(state, { assessment: { ...assessment!, breachedAt: at } });
      return {
        next: bump({ ...next, breaches: [...state.breaches, breach] }),
        breach,
        dueAt: breach.dueAt,
      };
    }
    case 'delivery_reminder':
      return {
        next: bump(withDeadlines(state, { delivery: { ...delivery!, reminderSentAt: at } })),
        breach: null,
        dueAt: delivery!.dueAt,
      };
    case 'delivery_overdue': {
      const breach: RequirementBreach = {
        kind: 'delivery_overdue',
        dueAt: delivery!.dueAt,
        recordedAt: at,
      };
      const next = withDeadlines(state, { delivery: { ...delivery!, overdueAt: at } });
      return {
        next: bump({ ...next, breaches: [...state.breaches, breach] }),
        breach,
        dueAt: breach.dueAt,
      };
    }
    case 'signoff_reminder':
      return {
        next: bump(
          withDeadlines(state, {
            signOff: {
              ...signOff!,
              anchorAt: at,
              nextReminderAt: null,
              remindersSent: signOff!.remindersSent + 1,
            },
          }),
        ),
        breach: null,
        dueAt: null,
      };
    default: {
      const unknown: never = timer;
      throw new Error(`unhandled timer ${String(unknown)}`);
    }
  }
}

function withDeadlines(
  state: RequirementState,
  patch: Partial<RequirementDeadlines>,
): RequirementState {
  return { ...state, deadlines: { ...state.deadlines, ...patch } };
}

/** Hour (Shanghai) at which reminders go out. */
export const REMINDER_HOUR = 9;

/** What `deliverySchedule` needs of the working-day calendar (libs/calendar implements it). */
export interface WorkingDayLookup {
  isWorkingDay(date: string): boolean;
  isProvisionalYear(year: number): boolean;
}

/**
 * The delivery schedule of a planned date: due at its 24:00; the reminder at 09:00 of the last
 * working day at least `leadDays` calendar days before it, so that a delay can still be announced
 * in time (rule 1). Run in an activity with the working-day calendar.
 */
export function deliverySchedule(
  plannedDeliveryDate: string,
  leadDays: number,
  calendar: WorkingDayLookup,
): ComputedSchedule & { reminderDate: string | null } {
  const dueAt = endOfShanghaiDate(plannedDeliveryDate);
  const year = (date: string): number => Number(date.slice(0, 4));
  if (leadDays <= 0) {
    const provisional = calendar.isProvisionalYear(year(plannedDeliveryDate));
    return { dueAt, reminderAt: null, reminderDate: null, provisional };
  }
  const latest = addCalendarDays(plannedDeliveryDate, -leadDays);
  let day = latest;
  // The longest run of days off (Spring Festival with weekends) is well under a month.
  for (let i = 0; i < 31 && !calendar.isWorkingDay(day); i++) day = addCalendarDays(day, -1);
  return {
    dueAt,
    reminderAt: shanghaiDateAt(day, REMINDER_HOUR),
    reminderDate: day,
    // Every day examined, from `latest` back to `day`, came from the calendar.
    provisional: calendar.isProvisionalYear(year(day)) || calendar.isProvisionalYear(year(latest)),
  };
}
