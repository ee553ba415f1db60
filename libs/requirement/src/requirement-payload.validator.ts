import {
  DomainError,
  fieldProblem,
  validationFailed,
  type FieldProblem,
  calendarDaysBetween,
  shanghaiDate,
} from '@luyue/domain';
import type { RequirementActionCall, RequirementState } from './requirement.types';

/** Feasibility verdicts that oblige the vendor to offer an alternative at no cost (rule 1). */
export const NEEDS_ALTERNATIVE = ['architecture_change', 'core_rewrite'] as const;

/**
 * The payload rules the HTTP edge cannot check, because they need the workflow's clock or the
 * request's state; the shape (types, enums, lengths, formats) is the api DTOs' job alone. Checked
 * by the Update validator, so a refusal writes nothing. Null when valid, else
 * `validation_failed` (400) naming each field. `at` is the workflow's current time.
 */
export function validatePayload(
  call: RequirementActionCall,
  state: Pick<RequirementState, 'plannedDeliveryDate' | 'receivedAt'>,
  at: string,
): DomainError | null {
  const problems: FieldProblem[] = [];
  const today = shanghaiDate(at);
  const notPast = (field: string, date: string): void => {
    if (date < today) problems.push(fieldProblem(field, 'field.not_past', { field }));
  };
  switch (call.action) {
    case 'assess':
      notPast('plannedDeliveryDate', call.payload.plannedDeliveryDate);
      break;
    case 'replan':
      notPast('plannedDeliveryDate', call.payload.plannedDeliveryDate);
      if (call.payload.plannedDeliveryDate === state.plannedDeliveryDate) {
        problems.push(fieldProblem('plannedDeliveryDate', 'field.same_planned_date', {}));
      }
      break;
    case 'log-effort':
      if (call.payload.date > today) {
        problems.push(fieldProblem('date', 'field.not_future', { field: 'date' }));
      } else if (call.payload.date < shanghaiDate(state.receivedAt)) {
        problems.push(fieldProblem('date', 'field.before_received', { field: 'date' }));
      }
      break;
    case 'approve':
    case 'reject':
    case 'cancel':
    case 'start-development':
    case 'submit-for-testing':
    case 'pass-testing':
    case 'fail-testing':
    case 'release':
    case 'accept':
      break;
  }
  return problems.length === 0 ? null : validationFailed(problems);
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
