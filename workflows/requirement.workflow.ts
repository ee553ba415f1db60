import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applyRequirementAction,
  initialRequirementState,
  applyRequirementTimer,
  nextRequirementTimer,
  schedulesToCompute,
  signOffAnchor,
  withAssessmentSchedule,
  withDeliverySchedule,
  withSignOffSchedule,
  type RequirementTimer,
  checkAction,
  isFinalRequirementStatus,
  REQUIREMENT_ACTIONS,
  type RequirementAction,
  type RequirementActionCall,
  type RequirementBreach,
  type RequirementCommand,
  type RequirementEvent,
  type RequirementState,
  quotaExceededError,
  requirementMails,
  validatePayload,
  requirementReceivedUpdate,
  requirementStateQuery,
  requirementUpdates,
  type CustomizationRequestRunInput,
  type CustomizationRequestActivities,
} from '@luyue/requirement/definitions';
import { DomainError } from '@luyue/domain';
import { domainFailure, type DeadlineWatchActivities } from '@luyue/temporal/definitions';
import { ProcessRun, runUntilFinal, serveProcess } from './process-run.kit';
import { CONTINUE_AS_NEW_PATCH, historyTooLong } from './run-length.util';
import { actionWrite, eventWrite, nowIso, stepProxies, writeSteps } from './workflow-steps.util';

type RequestActivities = CustomizationRequestActivities &
  Pick<DeadlineWatchActivities, 'computeDeadline'>;

const steps = stepProxies<RequestActivities>();

/** Runs recorded before local activities scheduled remote ones; replaying them must too. */
const LOCAL_ACTIVITIES_PATCH = 'customization-request-local-activities';

/**
 * An action's new schedules (an approval's or a replan's delivery deadline and reminder) are
 * computed before its write, so the row, the answer and the timers follow it at once; runs
 * recorded before computed them a turn later. They are computed by activity tasks, never local
 * activities: a local activity keeps open the workflow task that accepted the Update, and the
 * server then rejects a racing Update it delivered in that task (unprocessed, answered 500).
 */
const SCHEDULED_BEFORE_WRITE_PATCH = 'requirement-schedules-before-write';

/** Reads run as local activities for runs that began with them, remote ones for older runs. */
const reads = (): RequestActivities =>
  patched(LOCAL_ACTIVITIES_PATCH) ? steps.local : steps.remote;
/** Writes run in activity tasks of their own (see COMMITTED_WRITES_PATCH). */
const writes = (): RequestActivities => writeSteps(steps, reads);

/**
 * One customization request (DESIGN.md rule 1), from receipt to acceptance, rejection
 * or cancellation. Every change is an Update: its validator refuses a wrong role (403) or state
 * (409) before anything is written; its handler persists the change with one idempotent activity
 * and only then keeps the new state. Durable timers remind and escalate on working-day deadlines.
 * A long wait continues as new with the state (`input.resume`), so the history stays bounded.
 */
export async function customizationRequestWorkflow(
  input: CustomizationRequestRunInput,
): Promise<RequirementState> {
  const run = new RequirementRun(input, workflowInfo().workflowId);
  run.calendarChanged = input.resume?.calendarChanged ?? false;
  // A resumed run has its schedules: the first turn computes nothing new and writes nothing.
  await serveProcess(
    run,
    {
      stateQuery: requirementStateQuery,
      receivedUpdate: requirementReceivedUpdate,
      received: (state) => state.deadlines.assessment !== null,
      actions: REQUIREMENT_ACTIONS,
      updates: requirementUpdates,
    },
    () => run.refreshSchedules(false),
  );
  return runUntilFinal(run, {
    due: () => historyTooLong(input.continueAsNewAfterEvents) && patched(CONTINUE_AS_NEW_PATCH),
    run: async (seen) => {
      // Only between Updates: one accepted but unfinished would be lost with this run.
      await condition(allHandlersFinished);
      if (run.state !== seen) return;
      const resume = { state: run.state, calendarChanged: run.calendarChanged };
      await continueAsNew<typeof customizationRequestWorkflow>({ ...input, resume });
    },
  });
}

/** The request's state and its steps: actions, events, schedules and timers. */
class RequirementRun extends ProcessRun<RequirementState, RequirementAction, RequirementCommand> {
  constructor(
    private readonly input: CustomizationRequestRunInput,
    private readonly workflowId: string,
  ) {
    super(input.resume?.state ?? initialRequirementState(input));
  }

  refusal(action: RequirementAction, command: RequirementCommand) {
    const call = { action, payload: command.payload } as RequirementActionCall;
    return (
      checkAction(this.state, action, command.actor) ?? validatePayload(call, this.state, nowIso())
    );
  }

  async act(action: RequirementAction, command: RequirementCommand): Promise<RequirementState> {
    const call = { action, payload: command.payload } as RequirementActionCall;
    const { state, input } = this;
    const at = nowIso();
    const change = applyRequirementAction(state, call, command.actor, at, input.settings);
    if (patched(SCHEDULED_BEFORE_WRITE_PATCH))
      change.next = await this.scheduled(change.next, false, steps.remote);
    const seq = change.next.seq;
    const result = await actionWrite(
      writes().persistRequirementTransition({
        ...call,
        ...this.base(change.next),
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        at,
        breach: change.breach,
        mails: requirementMails(call.action, change.next, seq, input.notify, command.actor.email),
        actor: command.actor,
        requestId: command.requestId ?? null,
        quota: change.quota,
        workLog: change.workLog,
      }),
    );
    if (result.outcome === 'quota_exceeded') {
      // Nothing was written and the state stays: the hospital may approve outside the quota.
      const { code, key, params, details } = quotaExceededError(result.remaining, result.requested);
      throw domainFailure(
        new DomainError(code, key, params, { ...details, currentStatus: state.status }),
      );
    }
    this.state = change.next;
    return this.state;
  }

  isFinal(): boolean {
    return isFinalRequirementStatus(this.state.status);
  }

  async turn(recomputeAll: boolean): Promise<void> {
    await this.refreshSchedules(recomputeAll);
    const due = nextRequirementTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) await this.fireTimer(due.timer);
  }

  wake(): 'now' | number | null {
    const due = nextRequirementTimer(this.state);
    const pending = schedulesToCompute(this.state);
    if (pending.assessment || pending.delivery || pending.signOff) return 'now';
    if (due && Date.parse(due.at) <= Date.now()) return 'now';
    return due ? Date.parse(due.at) : null;
  }

  private base(next: RequirementState) {
    return {
      requirementId: this.state.requirementId,
      contractId: this.state.contractId,
      contractYear: this.state.contractYear,
      workflowId: this.workflowId,
      transitionSeq: next.seq,
      state: next,
    };
  }

  /** Persists something the workflow did by itself, then keeps `next`. */
  private async recordEvent(
    event: RequirementEvent,
    next: RequirementState,
    breach: RequirementBreach | null,
    dueAt: string | null,
  ): Promise<void> {
    await eventWrite(() =>
      writes().persistRequirementTransition({
        action: event,
        payload: { dueAt },
        actor: null,
        requestId: null,
        quota: null,
        workLog: null,
        ...this.base(next),
        fromStatus: this.state.status,
        toStatus: next.status,
        at: next.updatedAt,
        breach,
        mails: requirementMails(event, next, next.seq, this.input.notify, null),
      }),
    );
    this.state = next;
  }

  /** Computes missing or stale schedules with the working-day calendar (activities). */
  async refreshSchedules(recomputeAll: boolean): Promise<void> {
    const { state } = this;
    const todo = schedulesToCompute(state, recomputeAll);
    const firstSchedule = todo.assessment && state.deadlines.assessment === null;
    const next = await this.scheduled(state, recomputeAll, reads());
    // Nothing moved (e.g. a calendar change that did not touch this request): nothing to write.
    if (JSON.stringify(next.deadlines) === JSON.stringify(state.deadlines)) return;
    const written = { ...next, seq: state.seq + 1, updatedAt: nowIso() };
    // The first schedule tells the vendor about the request; a recomputation (a year's official
    // schedule was loaded) rewrites the row's deadlines. Other schedules are workflow-internal.
    if (firstSchedule)
      await this.recordEvent(
        'assessment_scheduled',
        written,
        null,
        written.deadlines.assessment!.dueAt,
      );
    else if (recomputeAll) await this.recordEvent('deadlines_recomputed', written, null, null);
    else this.state = next;
  }

  /** `state` with its missing or stale schedules computed (all again when recomputing). */
  private async scheduled(
    state: RequirementState,
    recomputeAll: boolean,
    via: RequestActivities,
  ): Promise<RequirementState> {
    const { settings } = this.input;
    const todo = schedulesToCompute(state, recomputeAll);
    let next = state;
    if (todo.assessment) {
      const c = await via.computeDeadline({
        receivedAt: state.receivedAt,
        workingDays: settings.assessmentWorkingDays,
        reminderLeadDays: settings.assessmentReminderLeadWorkingDays,
      });
      const computed = { dueAt: c.deadline, reminderAt: c.reminderAt, provisional: c.provisional };
      next = withAssessmentSchedule(next, computed, nowIso());
    }
    if (todo.delivery) {
      const computed = await via.computeDeliverySchedule({
        plannedDeliveryDate: state.plannedDeliveryDate!,
        reminderLeadDays: settings.deliveryReminderLeadDays,
      });
      next = withDeliverySchedule(next, computed, nowIso());
    }
    if (todo.signOff) {
      // Lead 0: 09:00 on the n-th working day after the release or the previous reminder.
      const c = await via.computeDeadline({
        receivedAt: signOffAnchor(state),
        workingDays: settings.signOffReminderWorkingDays,
        reminderLeadDays: 0,
      });
      next = withSignOffSchedule(next, { reminderAt: c.reminderAt!, provisional: c.provisional });
    }
    return next;
  }

  private async fireTimer(timer: RequirementTimer): Promise<void> {
    const { next, breach, dueAt } = applyRequirementTimer(this.state, timer, nowIso());
    await this.recordEvent(timer, next, breach, dueAt);
  }
}
