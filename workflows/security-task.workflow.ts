import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  applyRemediationAction,
  applyRetestImport,
  initialRemediationState,
  applyRemediationTimer,
  deadlinesToCompute,
  nextRemediationTimer,
  withComputedDeadline,
  checkRemediationAction,
  checkRetestImport,
  validateRemediationPayload,
  isFinalRemediationStatus,
  REMEDIATION_ACTIONS,
  type RemediationAction,
  type RemediationActionCall,
  type RemediationCommand,
  type RemediationEvent,
  type RemediationState,
  type RetestImportResult,
  remediationMails,
  remediationReceivedUpdate,
  remediationStateQuery,
  remediationUpdates,
  retestImportUpdate,
  type RemediationUpdate,
  type SecurityTaskRunInput,
  type SecurityTaskActivities,
} from '@luyue/security/definitions';
import {
  calendarChangedSignal,
  domainFailure,
  type DeadlineWatchActivities,
} from '@luyue/temporal/definitions';
import { SerialLock } from './serial-lock.util';
import { actionWrite, eventWrite, nowIso, stepProxies, writeSteps } from './workflow-steps.util';

type Activities = SecurityTaskActivities & Pick<DeadlineWatchActivities, 'computeDeadline'>;

const steps = stepProxies<Activities>();
/** Writes run in activity tasks of their own (see COMMITTED_WRITES_PATCH). */
const writes = (): Activities => writeSteps(steps, () => steps.local);

/**
 * One security task (rule 4): the vendor fixes every asset line with proof and requests a
 * retest within its working-day period; the hospital verifies line by line or fails the retest,
 * which reopens the task with a new period from the failure. Low and info risks may be accepted
 * until a date, after which the task reopens; a false positive is proposed by the vendor and
 * decided by the hospital. Every move is an Update validated by role and state, and every
 * write (with a new period's due time already computed) goes through one idempotent activity.
 */
export async function securityTaskWorkflow(input: SecurityTaskRunInput): Promise<RemediationState> {
  const { workflowId } = workflowInfo();
  const { settings, notify } = input;
  // A reopened task's new run carries on from where the last run ended.
  let state = input.reopen ? input.reopen.state : initialRemediationState(input);
  let calendarChanged = false;
  const lock = new SerialLock();

  setHandler(remediationStateQuery, () => state);
  setHandler(remediationReceivedUpdate, async () => {
    await condition(() => state.fixDeadlines[0].dueAt !== null);
    return state;
  });
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });
  const refuseImport = (result: RetestImportResult): void => {
    const error = checkRetestImport(state, result);
    if (error) throw domainFailure(error);
  };
  setHandler(
    retestImportUpdate,
    (result: RetestImportResult) =>
      lock.run(async () => {
        refuseImport(result);
        const change = applyRetestImport(state, result, nowIso(), settings);
        if (change) {
          await recordEvent('retest_imported', await scheduled(change.next), {
            importId: result.importId,
            lines: result.lines,
          });
        }
        return state;
      }),
    { validator: refuseImport },
  );
  const issued = lock.run(async () => {
    if (input.reopen) {
      const { result } = input.reopen;
      const change = applyRetestImport(state, result, nowIso(), settings);
      if (change) {
        const payload = { importId: result.importId, lines: result.lines, reopened: true };
        await recordEvent('retest_imported', await scheduled(change.next), payload);
      }
      return;
    }
    const next = await scheduled({ ...state, seq: state.seq + 1 });
    await recordEvent('issued', next, { dueAt: next.fixDeadlines[0].dueAt });
  });
  for (const action of REMEDIATION_ACTIONS) registerAction(action);

  function registerAction<A extends RemediationAction>(action: A): void {
    const refuseIfNotAllowed = (command: RemediationCommand<A>): void => {
      const call = { action, payload: command.payload } as RemediationActionCall;
      const error =
        checkRemediationAction(state, action, command.actor) ??
        validateRemediationPayload(state, call, nowIso());
      if (error) throw domainFailure(error);
    };
    const update: RemediationUpdate<A> = remediationUpdates[action];
    setHandler(
      update,
      (command: RemediationCommand<A>) =>
        lock.run(async () => {
          refuseIfNotAllowed(command);
          await applyAction({ action, payload: command.payload } as RemediationActionCall, command);
          return state;
        }),
      { validator: refuseIfNotAllowed },
    );
  }

  async function applyAction(
    call: RemediationActionCall,
    command: RemediationCommand,
  ): Promise<void> {
    const at = nowIso();
    const change = applyRemediationAction(state, call, command.actor, at, settings);
    const next = await scheduled(change.next);
    await actionWrite(
      writes().persistSecurityTaskTransition({
        ...call,
        ...base(next),
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        at,
        actor: command.actor,
        requestId: command.requestId ?? null,
        mails: remediationMails(call.action, next, next.seq, notify, command.actor.email),
      }),
    );
    state = next;
  }

  function base(next: RemediationState) {
    return {
      taskId: next.taskId,
      noticeId: next.noticeId,
      contractId: next.contractId,
      contractYear: next.contractYear,
      workflowId,
      transitionSeq: next.seq,
      state: next,
    };
  }

  async function recordEvent(
    event: RemediationEvent,
    next: RemediationState,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await eventWrite(() =>
      writes().persistSecurityTaskTransition({
        ...base(next),
        action: event,
        payload,
        actor: null,
        requestId: null,
        fromStatus: state.status,
        toStatus: next.status,
        at: next.updatedAt,
        mails: remediationMails(event, next, next.seq, notify, null),
      }),
    );
    state = next;
  }

  /** `next` with the due times of its running periods computed (all again when recomputing). */
  async function scheduled(next: RemediationState, recomputeAll = false) {
    let result = next;
    for (const wanted of deadlinesToCompute(next, settings, recomputeAll)) {
      const computed = await steps.local.computeDeadline({
        receivedAt: wanted.receivedAt,
        workingDays: wanted.workingDays,
        reminderLeadDays: wanted.reminderLeadDays,
      });
      result = withComputedDeadline(result, wanted.period, computed, nowIso());
    }
    return result;
  }

  async function recompute(): Promise<void> {
    const next = await scheduled(state, true);
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    const written = { ...next, seq: state.seq + 1, updatedAt: nowIso() };
    await recordEvent('deadlines_recomputed', written, {
      fixDueAt: written.fixDeadlines.at(-1)?.dueAt ?? null,
      retestDueAt: written.retests.at(-1)?.dueAt ?? null,
    });
  }

  await issued;
  while (!isFinalRemediationStatus(state.status)) {
    await lock.run(async () => {
      if (isFinalRemediationStatus(state.status)) return;
      const recomputeAll = calendarChanged;
      calendarChanged = false;
      if (recomputeAll) await recompute();
      const due = nextRemediationTimer(state);
      if (due && Date.parse(due.at) <= Date.now()) {
        const change = applyRemediationTimer(state, due.timer, nowIso(), settings);
        const next = await scheduled(change.next);
        const breach = due.timer === 'fix_breached' ? next.breaches.at(-1) : undefined;
        await recordEvent(due.timer, next, breach ? { ...breach } : { at: due.at });
      }
    });
    const due = nextRemediationTimer(state);
    if (isFinalRemediationStatus(state.status) || calendarChanged) continue;
    if (due && Date.parse(due.at) <= Date.now()) continue;
    const seen = state;
    const changed = (): boolean => state !== seen || calendarChanged;
    if (due) await condition(changed, Date.parse(due.at) - Date.now());
    else await condition(changed);
  }
  await condition(allHandlersFinished);
  return state;
}
