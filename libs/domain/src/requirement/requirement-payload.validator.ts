import { DomainError } from '../domain-error';
import { roundPersonDays } from './quota.calculator';
import { calendarDaysBetween, isCalendarDate, shanghaiDate } from '../shanghai-date.util';
import {
  FEASIBILITIES,
  QUOTA_DECISIONS,
  REQUIREMENT_KINDS,
  type RequirementActionCall,
  type RequirementState,
} from './requirement.types';

const MAX_TEXT = 10_000;
/** Person-days are counted to the hundredth (half days are common). */
const MAX_PERSON_DAYS = 10_000;

/** Feasibility verdicts that oblige the vendor to offer an alternative at no cost (rule 1). */
export const NEEDS_ALTERNATIVE = ['architecture_change', 'core_rewrite'] as const;

/**
 * The domain rules of an action's payload, checked by the workflow's Update validator so even a
 * caller that skipped the api's DTO validation cannot put a bad value into the state. Null when
 * valid, else `validation_failed` (400) naming the field. `at` is the workflow's current time.
 */
export function validatePayload(
  call: RequirementActionCall,
  state: Pick<RequirementState, 'plannedDeliveryDate' | 'receivedAt'>,
  at: string,
): DomainError | null {
  const problems: Problem[] = [];
  const p = call.payload as unknown as Record<string, unknown>;
  if (typeof p !== 'object' || p === null) {
    return new DomainError('validation_failed', 'The payload must be an object', {
      field: 'payload',
    });
  }
  const today = shanghaiDate(at);
  switch (call.action) {
    case 'assess': {
      oneOf(problems, p, 'kind', REQUIREMENT_KINDS);
      oneOf(problems, p, 'feasibility', FEASIBILITIES);
      personDays(problems, p, 'estimatePersonDays', { positive: true });
      futureDate(problems, p, 'plannedDeliveryDate', today);
      text(problems, p, 'solution', true);
      if (
        (NEEDS_ALTERNATIVE as readonly unknown[]).includes(p.feasibility) &&
        (typeof p.alternativeSolution !== 'string' || p.alternativeSolution.trim() === '')
      ) {
        problems.push({
          field: 'alternativeSolution',
          message:
            'alternativeSolution is required when the request needs an architecture change or a core rewrite',
        });
      } else {
        text(problems, p, 'alternativeSolution', false);
      }
      break;
    }
    case 'approve':
      if (p.kind !== undefined) oneOf(problems, p, 'kind', REQUIREMENT_KINDS);
      if (p.quotaDecision !== undefined) oneOf(problems, p, 'quotaDecision', QUOTA_DECISIONS);
      break;
    case 'reject':
    case 'cancel':
      text(problems, p, 'reason', true);
      break;
    case 'start-development':
      text(problems, p, 'note', false);
      break;
    case 'log-effort':
      if (!isCalendarDate(p.date)) {
        problems.push({ field: 'date', message: 'date must be a YYYY-MM-DD date' });
      } else if (p.date > today) {
        problems.push({ field: 'date', message: 'date must not be in the future' });
      } else if (p.date < shanghaiDate(state.receivedAt)) {
        problems.push({
          field: 'date',
          message: 'date must not be before the request was received',
        });
      }
      personDays(problems, p, 'personDays', { positive: true, max: 1_000 });
      text(problems, p, 'note', false, true);
      break;
    case 'submit-for-testing':
      text(problems, p, 'version', true);
      text(problems, p, 'notes', false, true);
      break;
    case 'pass-testing':
    case 'fail-testing':
      text(problems, p, 'notes', call.action === 'fail-testing', true);
      break;
    case 'release':
      text(problems, p, 'version', true);
      text(problems, p, 'releaseNotes', true);
      text(problems, p, 'rollbackPlan', true);
      break;
    case 'accept':
      if (p.actualPersonDays !== undefined) {
        personDays(problems, p, 'actualPersonDays', { positive: false });
      }
      text(problems, p, 'note', false, true);
      break;
    case 'replan':
      futureDate(problems, p, 'plannedDeliveryDate', today);
      if (p.plannedDeliveryDate === state.plannedDeliveryDate) {
        problems.push({
          field: 'plannedDeliveryDate',
          message: 'plannedDeliveryDate is already the planned date',
        });
      }
      text(problems, p, 'reason', true);
      break;
    default: {
      const unknown: never = call;
      return new DomainError('validation_failed', `Unknown action ${String(unknown)}`);
    }
  }
  if (problems.length === 0) return null;
  return new DomainError('validation_failed', problems.map((x) => x.message).join('; '), {
    field: problems[0].field,
    problems,
  });
}

/**
 * Rule 1: a delay must be announced at least `noticeDays` calendar days before the planned date;
 * a notice given later (or after the date) is recorded as late.
 */
export function isLateReplanNotice(
  noticeAt: string,
  oldPlannedDate: string,
  noticeDays: number,
): boolean {
  return calendarDaysBetween(shanghaiDate(noticeAt), oldPlannedDate) < noticeDays;
}

interface Problem {
  field: string;
  message: string;
}

function text(
  problems: Problem[],
  p: Record<string, unknown>,
  field: string,
  required: boolean,
  presentButMayBeEmpty = false,
): void {
  const value = p[field];
  if (value === undefined || value === null) {
    if (required || presentButMayBeEmpty) {
      problems.push({ field, message: `${field} is required` });
    }
    return;
  }
  if (typeof value !== 'string') {
    problems.push({ field, message: `${field} must be text` });
  } else if (required && value.trim().length === 0) {
    problems.push({ field, message: `${field} must not be empty` });
  } else if (value.length > MAX_TEXT) {
    problems.push({ field, message: `${field} must be at most ${MAX_TEXT} characters` });
  }
}

function oneOf(
  problems: Problem[],
  p: Record<string, unknown>,
  field: string,
  values: readonly string[],
): void {
  if (typeof p[field] !== 'string' || !values.includes(p[field])) {
    problems.push({ field, message: `${field} must be one of ${values.join(', ')}` });
  }
}

function personDays(
  problems: Problem[],
  p: Record<string, unknown>,
  field: string,
  { positive, max = MAX_PERSON_DAYS }: { positive: boolean; max?: number },
): void {
  const value = p[field];
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (positive ? value > 0 : value >= 0) &&
    value <= max &&
    roundPersonDays(value) === value;
  if (!ok) {
    problems.push({
      field,
      message: `${field} must be a number of person-days ${positive ? 'above' : 'from'} 0 to ${max}, to the hundredth`,
    });
  }
}

function futureDate(
  problems: Problem[],
  p: Record<string, unknown>,
  field: string,
  today: string,
): void {
  if (!isCalendarDate(p[field])) {
    problems.push({ field, message: `${field} must be a YYYY-MM-DD date` });
  } else if (p[field] < today) {
    problems.push({ field, message: `${field} must not be in the past` });
  }
}
