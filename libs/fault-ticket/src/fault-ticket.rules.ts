import {
  allowedActionsIn,
  checkActionIn,
  DomainError,
  fieldProblem,
  validationFailed,
  type Actor,
  type FieldProblem,
} from '@luyue/domain';
import { FAULT_PROCESS } from './fault-ticket.process';
import {
  PAUSE_REASONS,
  type FaultAction,
  type FaultActionCall,
  type FaultTicketState,
} from './fault-ticket.types';
import { FAULT_LEVELS, SLA_CLOCKS } from './sla-policy';

export const FAULT_TEXT_MAX = 4000;
/** An extension beyond a month of covered minutes is a contract change, not a ticket's. */
export const FAULT_EXTENSION_MAX_MINUTES = 30 * 24 * 60;

/** Why an action allowed in the ticket's state still cannot run (409). */
export type FaultRefusal =
  | 'pause_exists'
  | 'no_pending_pause'
  | 'not_paused'
  | 'extension_exists'
  | 'no_pending_extension'
  | 'clock_not_running';

function refusal(state: FaultTicketState, action: FaultAction, reason: FaultRefusal): DomainError {
  return new DomainError(
    'invalid_state',
    'fault.not_now',
    { number: state.number, reason },
    {
      action,
      currentStatus: state.status,
      allowedActions: allowedActionsIn(FAULT_PROCESS, state.status),
    },
  );
}

/** Role and state from the table, then the pause and extension a step needs (or must not have). */
export function checkFaultAction(
  state: FaultTicketState,
  action: FaultAction,
  actor: Pick<Actor, 'roles' | 'party'>,
): DomainError | null {
  const table = checkActionIn(
    FAULT_PROCESS,
    { id: state.number, status: state.status },
    action,
    actor,
    'a fault ticket',
  );
  if (table) return table;
  const why = STEP_NEEDS[action]?.(state) ?? null;
  return why ? refusal(state, action, why) : null;
}

/** The answers to a pending pause or extension: they wait only while one is pending. */
export const FAULT_ANSWER_STEPS = {
  pause: ['confirm-pause', 'refuse-pause'],
  extension: ['grant-extension', 'refuse-extension'],
} as const satisfies Record<string, readonly FaultAction[]>;

/** What the pause and extension steps need of the ticket beyond its state. */
const STEP_NEEDS: Partial<Record<FaultAction, (s: FaultTicketState) => FaultRefusal | null>> = {
  pause: (s) => (s.pause ? 'pause_exists' : null),
  'confirm-pause': (s) => (s.pause && s.pause.since === null ? null : 'no_pending_pause'),
  'refuse-pause': (s) => (s.pause && s.pause.since === null ? null : 'no_pending_pause'),
  resume: (s) => (s.pause && s.pause.since !== null ? null : 'not_paused'),
  'request-extension': (s) => (s.extension ? 'extension_exists' : null),
  'grant-extension': (s) => (s.extension ? null : 'no_pending_extension'),
  'refuse-extension': (s) => (s.extension ? null : 'no_pending_extension'),
};

/** The payload's meaning (its shape is the DTO's): texts, a supplier, a running clock, files. */
export function validateFaultPayload(
  state: FaultTicketState,
  call: FaultActionCall,
): DomainError | null {
  const problems: FieldProblem[] = [];
  const text = (field: string, value: string | undefined, required: boolean): void => {
    const v = value ?? '';
    if (required && v.trim() === '')
      problems.push(fieldProblem(field, 'field.required', { field }));
    if (v.length > FAULT_TEXT_MAX) {
      problems.push({ field, message: `must be at most ${FAULT_TEXT_MAX} characters` });
    }
  };
  switch (call.action) {
    case 'resolve':
      text('cause', call.payload.cause, true);
      text('solution', call.payload.solution, true);
      break;
    case 'submit-report':
      text('note', call.payload.note, false);
      if (call.payload.files.length === 0) {
        problems.push(fieldProblem('files', 'field.report_file_required', {}));
      }
      break;
    case 'reopen':
    case 'refuse-pause':
    case 'refuse-extension':
      text('reason', call.payload.reason, true);
      break;
    case 'confirm-level':
      if (!FAULT_LEVELS.includes(call.payload.level))
        problems.push({ field: 'level', message: 'unknown level' });
      text('note', call.payload.note, false);
      break;
    case 'pause':
      if (!PAUSE_REASONS.includes(call.payload.reason)) {
        problems.push({ field: 'reason', message: 'unknown pause reason' });
      }
      text('note', call.payload.note, true);
      if (call.payload.reason === 'waiting_supplier') text('supplier', call.payload.supplier, true);
      break;
    case 'request-extension': {
      const { clock, minutes } = call.payload;
      const running = state.clocks.find((c) => c.kind === clock && c.stoppedAt === null);
      if (!SLA_CLOCKS.includes(clock) || !running) {
        problems.push(fieldProblem('clock', 'field.clock_not_running', {}));
      }
      if (!Number.isSafeInteger(minutes) || minutes < 1 || minutes > FAULT_EXTENSION_MAX_MINUTES) {
        problems.push({ field: 'minutes', message: `must be 1 to ${FAULT_EXTENSION_MAX_MINUTES}` });
      }
      text('reason', call.payload.reason, true);
      break;
    }
    case 'acknowledge':
    case 'arrive':
    case 'restore':
    case 'sign':
    case 'confirm-pause':
    case 'resume':
    case 'grant-extension':
      text('note', call.payload.note, false);
  }
  return problems.length > 0 ? validationFailed(problems) : null;
}

export function allowedFaultActions(
  state: Pick<FaultTicketState, 'status' | 'pause' | 'extension' | 'number' | 'clocks'>,
  actor: Pick<Actor, 'roles' | 'party'>,
): FaultAction[] {
  return allowedActionsIn(FAULT_PROCESS, state.status, actor).filter(
    (a) => checkFaultAction(state as FaultTicketState, a, actor) === null,
  );
}
