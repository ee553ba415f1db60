import { setHandler, workflowInfo } from '@temporalio/workflow';
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
  type SecurityTaskRunInput,
  type SecurityTaskActivities,
} from '@luyue/security/definitions';
import { domainFailure, type DeadlineWatchActivities } from '@luyue/temporal/definitions';
import { ProcessRun, runUntilFinal, serveProcess } from './process-run.kit';
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
  const run = new SecurityTaskRun(input, workflowInfo().workflowId);
  const refuseImport = (result: RetestImportResult): void => {
    const error = checkRetestImport(run.state, result);
    if (error) throw domainFailure(error);
  };
  setHandler(
    retestImportUpdate,
    (result: RetestImportResult) =>
      run.lock.run(async () => {
        refuseImport(result);
        await run.importRetest(result, false);
        return run.state;
      }),
    { validator: refuseImport },
  );
  await serveProcess(
    run,
    {
      stateQuery: remediationStateQuery,
      receivedUpdate: remediationReceivedUpdate,
      received: (state) => state.fixDeadlines[0].dueAt !== null,
      actions: REMEDIATION_ACTIONS,
      updates: remediationUpdates,
    },
    () => run.issue(),
  );
  return runUntilFinal(run);
}

/** The task's state and its steps: issue, actions, retest imports, periods and timers. */
class SecurityTaskRun extends ProcessRun<RemediationState, RemediationAction, RemediationCommand> {
  constructor(
    private readonly input: SecurityTaskRunInput,
    private readonly workflowId: string,
  ) {
    // A reopened task's new run carries on from where the last run ended.
    super(input.reopen ? input.reopen.state : initialRemediationState(input));
  }

  refusal(action: RemediationAction, command: RemediationCommand) {
    const call = { action, payload: command.payload } as RemediationActionCall;
    return (
      checkRemediationAction(this.state, action, command.actor) ??
      validateRemediationPayload(this.state, call, nowIso())
    );
  }

  async act(action: RemediationAction, command: RemediationCommand): Promise<RemediationState> {
    const call = { action, payload: command.payload } as RemediationActionCall;
    const at = nowIso();
    const change = applyRemediationAction(this.state, call, command.actor, at, this.input.settings);
    const next = await this.scheduled(change.next);
    const { notify } = this.input;
    await actionWrite(
      writes().persistSecurityTaskTransition({
        ...call,
        ...this.base(next),
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        at,
        actor: command.actor,
        requestId: command.requestId ?? null,
        mails: remediationMails(call.action, next, next.seq, notify, command.actor.email),
      }),
    );
    this.state = next;
    return this.state;
  }

  isFinal(): boolean {
    return isFinalRemediationStatus(this.state.status);
  }

  async turn(recomputeAll: boolean): Promise<void> {
    if (this.isFinal()) return;
    if (recomputeAll) await this.recompute();
    const due = nextRemediationTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) {
      const change = applyRemediationTimer(this.state, due.timer, nowIso(), this.input.settings);
      const next = await this.scheduled(change.next);
      const breach = due.timer === 'fix_breached' ? next.breaches.at(-1) : undefined;
      await this.recordEvent(due.timer, next, breach ? { ...breach } : { at: due.at });
    }
  }

  wake(): 'now' | number | null {
    const due = nextRemediationTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) return 'now';
    return due ? Date.parse(due.at) : null;
  }

  /** The first step: a new task is issued with its first period; a reopened one imports its retest. */
  async issue(): Promise<void> {
    if (this.input.reopen) return this.importRetest(this.input.reopen.result, true);
    const next = await this.scheduled({ ...this.state, seq: this.state.seq + 1 });
    await this.recordEvent('issued', next, { dueAt: next.fixDeadlines[0].dueAt });
  }

  async importRetest(result: RetestImportResult, reopened: boolean): Promise<void> {
    const change = applyRetestImport(this.state, result, nowIso(), this.input.settings);
    if (!change) return;
    const payload = { importId: result.importId, lines: result.lines };
    await this.recordEvent(
      'retest_imported',
      await this.scheduled(change.next),
      reopened ? { ...payload, reopened: true } : payload,
    );
  }

  private base(next: RemediationState) {
    return {
      taskId: next.taskId,
      noticeId: next.noticeId,
      contractId: next.contractId,
      contractYear: next.contractYear,
      workflowId: this.workflowId,
      transitionSeq: next.seq,
      state: next,
    };
  }

  private async recordEvent(
    event: RemediationEvent,
    next: RemediationState,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await eventWrite(() =>
      writes().persistSecurityTaskTransition({
        ...this.base(next),
        action: event,
        payload,
        actor: null,
        requestId: null,
        fromStatus: this.state.status,
        toStatus: next.status,
        at: next.updatedAt,
        mails: remediationMails(event, next, next.seq, this.input.notify, null),
      }),
    );
    this.state = next;
  }

  /** `next` with the due times of its running periods computed (all again when recomputing). */
  private async scheduled(next: RemediationState, recomputeAll = false) {
    let result = next;
    for (const wanted of deadlinesToCompute(next, this.input.settings, recomputeAll)) {
      const computed = await steps.local.computeDeadline({
        receivedAt: wanted.receivedAt,
        workingDays: wanted.workingDays,
        reminderLeadDays: wanted.reminderLeadDays,
      });
      result = withComputedDeadline(result, wanted.period, computed, nowIso());
    }
    return result;
  }

  private async recompute(): Promise<void> {
    const next = await this.scheduled(this.state, true);
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    const written = { ...next, seq: this.state.seq + 1, updatedAt: nowIso() };
    await this.recordEvent('deadlines_recomputed', written, {
      fixDueAt: written.fixDeadlines.at(-1)?.dueAt ?? null,
      retestDueAt: written.retests.at(-1)?.dueAt ?? null,
    });
  }
}
