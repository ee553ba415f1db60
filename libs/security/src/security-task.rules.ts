import type { Actor } from '@luyue/domain';
import {
  DomainError,
  fieldProblem,
  validationFailed,
  type FieldProblem,
  allowedActionsIn,
  checkActionIn,
  isCalendarDate,
  shanghaiDate,
} from '@luyue/domain';
import { REMEDIATION_PROCESS } from './security-task.process';
import {
  isFinalRemediationStatus,
  isRiskAcceptable,
  RISK_ACCEPTABLE_SEVERITIES,
  type LineStatus,
  type RemediationAction,
  type RemediationActionCall,
  type RemediationLine,
  type RemediationState,
  type RemediationStatus,
  type RetestImportResult,
} from './security-task.types';

export const REMEDIATION_TEXT_MAX = 4000;

type Checked = Pick<RemediationState, 'taskId' | 'status' | 'severity'>;

/**
 * May this actor take this action now? Null when yes; `forbidden` (403) for a wrong role or
 * party (a vendor never verifies), `invalid_state` (409) for a wrong state, `conflict` (409)
 * naming the severity when a risk that rule 4 says must be fixed is to be accepted.
 */
export function checkRemediationAction(
  state: Checked,
  action: RemediationAction,
  actor: Pick<Actor, 'roles' | 'party'>,
): DomainError | null {
  const error = checkActionIn(
    REMEDIATION_PROCESS,
    { id: state.taskId, status: state.status },
    action,
    actor,
    'a security task',
  );
  if (error?.code === 'invalid_state') {
    // The table's list for the state, less accept-risk when the severity rules it out.
    const allowedActions = allowedRemediationActions(state);
    return new DomainError(error.code, error.key, error.params, {
      ...error.details,
      allowedActions,
      yourActions: allowedRemediationActions(state, actor),
    });
  }
  if (error) return error;
  if (action === 'accept-risk' && !isRiskAcceptable(state.severity)) {
    return new DomainError(
      'conflict',
      'security.risk_not_acceptable',
      { taskId: state.taskId, severity: state.severity },
      {
        action,
        severity: state.severity,
        acceptableSeverities: [...RISK_ACCEPTABLE_SEVERITIES],
      },
    );
  }
  return null;
}

/** Lines not yet verified: the ones a step without `assets` is about. */
export function unverifiedLines(state: Pick<RemediationState, 'lines'>): RemediationLine[] {
  return state.lines.filter((l) => l.status !== 'verified');
}

const VERIFIABLE: readonly LineStatus[] = ['fixed', 'fixed_by_retest'];

/** The steps that may name asset lines, and which lines each may name. */
export const LINE_ACTIONS = ['fix', 'verify', 'fail-retest'] as const;
export type LineAction = (typeof LINE_ACTIONS)[number];
const LINE_FITS: Readonly<Record<LineAction, (l: RemediationLine) => boolean>> = {
  fix: (l) => l.status !== 'verified',
  verify: (l) => VERIFIABLE.includes(l.status),
  'fail-retest': (l) => l.status !== 'verified',
};

/** The lines a step may name in `assets` (the choices the task page offers). */
export function linesForAction(
  state: Pick<RemediationState, 'lines'>,
  action: LineAction,
): RemediationLine[] {
  return state.lines.filter(LINE_FITS[action]);
}

/**
 * The payload rules every path shares (console, REST): texts, proof, the named asset lines
 * (known, and in a state the step fits), and a risk acceptance's expiry after `now`'s day.
 */
export function validateRemediationPayload(
  state: Pick<RemediationState, 'lines'>,
  call: RemediationActionCall,
  now: string,
): DomainError | null {
  const problems: FieldProblem[] = [];
  const text = (field: string, value: string, required: boolean): void => {
    if (required && value.trim() === '') {
      problems.push(fieldProblem(field, 'field.required', { field }));
    }
    if (value.length > REMEDIATION_TEXT_MAX) {
      problems.push(fieldProblem(field, 'field.too_long', { field, max: REMEDIATION_TEXT_MAX }));
    }
  };
  const assets = (ids: string[] | undefined, fits: (l: RemediationLine) => boolean): void => {
    if (ids === undefined) return;
    if (ids.length === 0) problems.push(fieldProblem('assets', 'field.lines_none', {}));
    for (const id of ids) {
      const line = state.lines.find((l) => l.lineId === id);
      if (!line) problems.push(fieldProblem('assets', 'field.line_unknown', { id }));
      else if (!fits(line)) {
        problems.push(
          fieldProblem('assets', 'field.line_state', { label: line.label, status: line.status }),
        );
      }
    }
  };
  switch (call.action) {
    case 'fix':
      text('note', call.payload.note, true);
      if (call.payload.proof.length === 0) {
        problems.push(fieldProblem('proof', 'field.proof_required', {}));
      }
      assets(call.payload.assets, LINE_FITS.fix);
      break;
    case 'verify': {
      text('note', call.payload.note, false);
      assets(call.payload.assets, LINE_FITS.verify);
      if (call.payload.assets === undefined) {
        const waiting = unverifiedLines(state);
        if (waiting.length === 0 || waiting.some((l) => !VERIFIABLE.includes(l.status))) {
          problems.push(fieldProblem('assets', 'field.lines_to_verify', {}));
        }
      }
      break;
    }
    case 'fail-retest':
      text('reason', call.payload.reason, true);
      assets(call.payload.assets, LINE_FITS['fail-retest']);
      break;
    case 'accept-risk': {
      text('reason', call.payload.reason, true);
      const { expiresOn } = call.payload;
      if (!isCalendarDate(expiresOn)) {
        problems.push({ field: 'expiresOn', message: 'must be a YYYY-MM-DD date' });
      } else if (expiresOn <= shanghaiDate(now)) {
        problems.push(fieldProblem('expiresOn', 'field.after_today', { field: 'expiresOn' }));
      }
      break;
    }
    case 'propose-false-positive':
    case 'refuse-false-positive':
      text('reason', call.payload.reason, true);
      break;
    case 'start':
    case 'request-retest':
    case 'confirm-false-positive':
      text('note', call.payload.note, false);
      break;
  }
  return problems.length > 0 ? validationFailed(problems) : null;
}

/** A retest import reaches a task that is still open; a line it does not hold needs a label. */
export function checkRetestImport(
  state: Pick<RemediationState, 'taskId' | 'status' | 'lines'>,
  result: RetestImportResult,
): DomainError | null {
  if (isFinalRemediationStatus(state.status)) {
    return new DomainError(
      'invalid_state',
      'state.is',
      { id: state.taskId, status: state.status },
      { currentStatus: state.status },
    );
  }
  const problems: FieldProblem[] = [];
  if (result.importId.trim() === '') problems.push({ field: 'importId', message: 'is required' });
  for (const line of result.lines) {
    const known = state.lines.some((l) => l.lineId === line.lineId);
    if (!known && !(line.present && line.label?.trim())) {
      problems.push({
        field: 'lines',
        message: `${line.lineId} is not a line of this task (a new line must be present and labelled)`,
      });
    }
  }
  return problems.length > 0 ? validationFailed(problems) : null;
}

/**
 * Does an import reopen this closed task? A verified task seen again (a present line, on a
 * retest) or any closed task with an asset it did not hold: the hospital expects a finding that
 * came back to be fixed again. A confirmed false positive seen again on the same assets is
 * expected and stays closed.
 */
export function reopensClosedTask(
  state: Pick<RemediationState, 'status' | 'lines'>,
  result: RetestImportResult,
): boolean {
  if (!isFinalRemediationStatus(state.status)) return false;
  return result.lines.some(
    (r) =>
      r.present && (state.status === 'verified' || !state.lines.some((l) => l.lineId === r.lineId)),
  );
}

/** An asset line of a started task as an import left it (see SecurityTaskStore.importResults). */
export interface ImportedLine {
  lineId: string;
  label: string;
  /** One of its findings is still present. */
  present: boolean;
  /** This import showed one of its findings. */
  seen: boolean;
  /** The task's workflow holds the line already. */
  known: boolean;
}

/**
 * What an import tells a started task's workflow. A normal import only brings assets the task
 * did not hold; a retest speaks for every line of an open task, and for a closed one names the
 * lines it showed again (see reopensClosedTask).
 */
export function importedLinesFor(
  status: RemediationStatus,
  lines: readonly ImportedLine[],
  retest: boolean,
): RetestImportResult['lines'] {
  const reported = (l: ImportedLine) => ({ lineId: l.lineId, label: l.label, present: true });
  if (!retest) return lines.filter((l) => !l.known).map(reported);
  if (isFinalRemediationStatus(status)) {
    return lines.filter((l) => l.seen || !l.known).map(reported);
  }
  return lines.map((l) => ({ lineId: l.lineId, label: l.label, present: l.present }));
}

/** Actions possible now: for this actor when given (with the severity rule), else for anyone. */
export function allowedRemediationActions(
  state: Checked,
  actor?: Pick<Actor, 'roles' | 'party'>,
): RemediationAction[] {
  const candidates = allowedActionsIn(REMEDIATION_PROCESS, state.status, actor);
  return actor
    ? candidates.filter((a) => checkRemediationAction(state, a, actor) === null)
    : candidates.filter((a) => a !== 'accept-risk' || isRiskAcceptable(state.severity));
}
