import { actorRefOf, type Actor } from '@luyue/domain';
import { DUTY_PROCESS } from './duty.process';
import { unsignedRolesOf } from './duty.rules';
import type { DutySlot } from './duty-schedule.types';
import type { DutyActionCall, DutyEvent, DutyInput, DutyState } from './duty.types';

export function initialDutyState(input: DutyInput): DutyState {
  return {
    occurrenceId: input.occurrenceId,
    number: input.number,
    contractId: input.contractId,
    contractYear: input.contractYear,
    plan: input.plan,
    slot: input.slot,
    status: 'open',
    record: null,
    signatures: [],
    refusal: null,
    remindedAt: null,
    breachedAt: null,
    log: [],
    seq: 0,
    updatedAt: input.createdAt,
    doneAt: null,
  };
}

/** What one action does: a new record keeps only signatures of the same content. */
export function applyDutyAction(
  state: DutyState,
  call: DutyActionCall,
  actor: Actor,
  at: string,
): DutyState {
  const by = actorRefOf(actor);
  const p = call.payload as { note?: string; reason?: string; summary?: string };
  let next: DutyState = {
    ...state,
    status: DUTY_PROCESS.actions[call.action].to ?? state.status,
    seq: state.seq + 1,
    updatedAt: at,
    log: [...state.log, { step: call.action, at, by, note: p.note ?? p.reason ?? '' }],
  };
  switch (call.action) {
    case 'record': {
      const { summary, answers, reportFiles, hash } = call.payload;
      const kept = state.signatures.filter((s) => s.hash === hash);
      next = {
        ...next,
        record: { summary, answers, reportFiles, hash, recordedBy: by, recordedAt: at },
        signatures: kept,
        refusal: null,
      };
      break;
    }
    case 'sign': {
      const [role] = unsignedRolesOf(state, actor);
      const { hash, note, via } = call.payload;
      next = { ...next, signatures: [...state.signatures, { role, by, at, hash, note, via }] };
      break;
    }
    case 'refuse':
      next = { ...next, signatures: [], refusal: { by, at, reason: call.payload.reason } };
      break;
    case 'cancel':
      next = { ...next, doneAt: null };
      break;
  }
  const allSigned =
    next.status === 'recorded' &&
    next.plan.signers.every((r) => next.signatures.some((s) => s.role === r));
  return allSigned ? { ...next, status: 'signed', doneAt: at } : next;
}

/** Waiting on the vendor: a reminder and the deadline matter only then. */
const vendorOwes = (s: DutyState): boolean => s.status === 'open' || s.status === 'returned';

/** The next timer: the reminder, then the record's deadline (a breach, once). */
export function nextDutyTimer(state: DutyState): { what: 'remind' | 'breach'; at: string } | null {
  if (!vendorOwes(state)) return null;
  const { remindAt, recordDueAt } = state.slot;
  if (remindAt && !state.remindedAt && !state.breachedAt && remindAt < recordDueAt) {
    return { what: 'remind', at: remindAt };
  }
  if (!state.breachedAt) return { what: 'breach', at: recordDueAt };
  return null;
}

export function applyDutyTimer(
  state: DutyState,
  what: 'remind' | 'breach',
  at: string,
): { next: DutyState; event: DutyEvent } {
  const event: DutyEvent = what === 'remind' ? 'reminded' : 'breached';
  return {
    event,
    next: {
      ...state,
      ...(what === 'remind' ? { remindedAt: at } : { breachedAt: at }),
      seq: state.seq + 1,
      updatedAt: at,
      log: [...state.log, { step: event, at, by: null, note: '' }],
    },
  };
}

/** A calendar year loaded: the occurrence's days as they fall now (timers move with them). */
export function rescheduleDuty(state: DutyState, slot: DutySlot, at: string): DutyState {
  return {
    ...state,
    slot,
    seq: state.seq + 1,
    updatedAt: at,
    log: [...state.log, { step: 'rescheduled', at, by: null, note: slot.dueDay }],
  };
}

/**
 * Cancelled by no one's step: withdrawn with its plan (an agreed change replaced it), or
 * unscheduled (the official calendar has no such holiday).
 */
export function withdrawDuty(
  state: DutyState,
  reason: string,
  at: string,
  step: Extract<DutyEvent, 'withdrawn' | 'unscheduled'> = 'withdrawn',
): DutyState {
  return {
    ...state,
    status: 'cancelled',
    seq: state.seq + 1,
    updatedAt: at,
    log: [...state.log, { step, at, by: null, note: reason }],
  };
}
