import {
  allowedActionsIn,
  checkActionIn,
  DomainError,
  fieldProblem,
  validationFailed,
  type Actor,
  type FieldProblem,
} from '@luyue/domain';
import { DUTY_TEXT_MAX, type DutySignerRole } from './duty-plan';
import { DUTY_PROCESS } from './duty.process';
import { CHECK_RESULTS, type DutyAction, type DutyActionCall, type DutyState } from './duty.types';

/** Why a step allowed in the occurrence's state still cannot run (409). */
export type DutyRefusal = 'not_a_signer' | 'already_signed' | 'record_changed';

function refusal(state: DutyState, action: DutyAction, reason: DutyRefusal): DomainError {
  return new DomainError(
    'invalid_state',
    'duty.not_now',
    { number: state.number, reason },
    {
      action,
      currentStatus: state.status,
      allowedActions: allowedActionsIn(DUTY_PROCESS, state.status),
    },
  );
}

/** The signer roles the actor holds that have not signed the current record yet. */
export function unsignedRolesOf(
  state: Pick<DutyState, 'plan' | 'signatures'>,
  actor: Pick<Actor, 'roles'>,
): DutySignerRole[] {
  return state.plan.signers.filter(
    (r) => actor.roles.includes(r) && !state.signatures.some((s) => s.role === r),
  );
}

/** Role and state from the table; a signature or refusal only from a signer of the plan. */
export function checkDutyAction(
  state: DutyState,
  action: DutyAction,
  actor: Pick<Actor, 'roles' | 'party'>,
): DomainError | null {
  const table = checkActionIn(
    DUTY_PROCESS,
    { id: state.number, status: state.status },
    action,
    actor,
    'a duty',
  );
  if (table) return table;
  if (action === 'sign' || action === 'refuse') {
    if (!state.plan.signers.some((r) => actor.roles.includes(r))) {
      return refusal(state, action, 'not_a_signer');
    }
    if (action === 'sign' && unsignedRolesOf(state, actor).length === 0) {
      return refusal(state, action, 'already_signed');
    }
  }
  return null;
}

/** The payload's meaning: texts, one answer per checklist item, the record signed is current. */
export function validateDutyPayload(state: DutyState, call: DutyActionCall): DomainError | null {
  const problems: FieldProblem[] = [];
  const text = (field: string, value: string | undefined, required: boolean): void => {
    const v = value ?? '';
    if (required && v.trim() === '') {
      problems.push(fieldProblem(field, 'field.required', { field }));
    }
    if (v.length > DUTY_TEXT_MAX) {
      problems.push({ field, message: `must be at most ${DUTY_TEXT_MAX} characters` });
    }
  };
  switch (call.action) {
    case 'record': {
      text('summary', call.payload.summary, false);
      const { answers } = call.payload;
      state.plan.checklist.forEach((item) => {
        const answer = answers.find((a) => a.key === item.key);
        const field = `answers.${item.key}`;
        if (!answer || !CHECK_RESULTS.includes(answer.result)) {
          problems.push(fieldProblem(`${field}.result`, 'field.required', { field }));
        } else {
          text(`${field}.note`, answer.note, answer.result === 'abnormal');
        }
      });
      const unknown = answers.find((a) => !state.plan.checklist.some((i) => i.key === a.key));
      if (unknown) problems.push({ field: 'answers', message: `unknown item "${unknown.key}"` });
      break;
    }
    case 'sign':
      text('note', call.payload.note, false);
      if (state.record && call.payload.hash !== state.record.hash) {
        return refusal(state, call.action, 'record_changed');
      }
      break;
    case 'refuse':
    case 'cancel':
      text('reason', call.payload.reason, true);
      break;
  }
  return problems.length > 0 ? validationFailed(problems) : null;
}

export function allowedDutyActions(state: DutyState, actor: Pick<Actor, 'roles' | 'party'>) {
  return allowedActionsIn(DUTY_PROCESS, state.status, actor).filter(
    (a) => checkDutyAction(state, a, actor) === null,
  );
}
