import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
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
  type RequirementUpdate,
  type CustomizationRequestActivities,
} from '@luyue/requirement/definitions';
import { DomainError } from '@luyue/domain';
import {
  calendarChangedSignal,
  domainFailure,
  type DeadlineWatchActivities,
} from '@luyue/temporal/definitions';
import { CONTINUE_AS_NEW_PATCH, historyTooLong } from './run-length.util';
import { SerialLock } from './serial-lock.util';
import { actionWrite, eventWrite, nowIso, stepProxies, writeSteps } from './workflow-steps.util';

type RequestActivities = CustomizationRequestActivities &
  Pick<DeadlineWatchActivities, 'computeDeadline'>;

const steps = stepProxies<RequestActivities>();

/** Runs recorded before local activities scheduled remote ones; replaying them must too. */
const LOCAL_ACTIVITIES_PATCH = 'customization-request-local-activities';

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
 * All steps run one at a time (SerialLock); the pure rules live in @luyue/domain. A long wait
 * continues as new with the state (`input.resume`), so the history stays bounded.
 */
export async function customizationRequestWorkflow(
  input: CustomizationRequestRunInput,
): Promise<RequirementState> {
  const { workflowId } = workflowInfo();
  const { settings } = input;
  let state = input.resume?.state ?? initialRequirementState(input);
  let calendarChanged = input.resume?.calendarChanged ?? false;
  const lock = new SerialLock();

  setHandler(requirementStateQuery, () => state);
  // Read-only, so not under the lock: the state is kept only after the schedule is persisted.
  setHandler(requirementReceivedUpdate, async () => {
    await condition(() => state.deadlines.assessment !== null);
    return state;
  });
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });
  // The first schedule takes the lock before any Update can (registering a handler dispatches
  // Updates that arrived with the start), so even an immediate assessment is judged on time. A
  // resumed run has its schedules: this computes nothing new and writes nothing.
  const scheduled = lock.run(() => refreshSchedules(false));
  for (const action of REQUIREMENT_ACTIONS) registerAction(action);

  function registerAction<A extends RequirementAction>(action: A): void {
    const refuseIfNotAllowed = (command: RequirementCommand<A>): void => {
      const call = { action, payload: command.payload } as RequirementActionCall;
      const error =
        checkAction(state, action, command.actor) ?? validatePayload(call, state, nowIso());
      if (error) throw domainFailure(error);
    };
    const update: RequirementUpdate<A> = requirementUpdates[action];
    setHandler(
      update,
      (command: RequirementCommand<A>) =>
        lock.run(async () => {
          // Again under the lock: an Update accepted just before may have moved the state.
          refuseIfNotAllowed(command);
          return applyAction(
            { action, payload: command.payload } as RequirementActionCall,
            command,
          );
        }),
      { validator: refuseIfNotAllowed },
    );
  }

  async function applyAction(
    call: RequirementActionCall,
    command: RequirementCommand,
  ): Promise<RequirementState> {
    const at = nowIso();
    const change = applyRequirementAction(state, call, command.actor, at, settings);
    const seq = change.next.seq;
    const result = await actionWrite(
      writes().persistRequirementTransition({
        ...call,
        requirementId: state.requirementId,
        contractId: state.contractId,
        contractYear: state.contractYear,
        workflowId,
        transitionSeq: seq,
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        at,
        state: change.next,
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
    state = change.next;
    return state;
  }

  /** Persists something the workflow did by itself, then keeps `next`. */
  async function recordEvent(
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
        requirementId: state.requirementId,
        contractId: state.contractId,
        contractYear: state.contractYear,
        workflowId,
        transitionSeq: next.seq,
        fromStatus: state.status,
        toStatus: next.status,
        at: next.updatedAt,
        state: next,
        breach,
        mails: requirementMails(event, next, next.seq, input.notify, null),
      }),
    );
    state = next;
  }

  /** Computes missing or stale schedules with the working-day calendar (activities). */
  async function refreshSchedules(recomputeAll: boolean): Promise<void> {
    const todo = schedulesToCompute(state, recomputeAll);
    const firstSchedule = todo.assessment && state.deadlines.assessment === null;
    let next = state;
    if (todo.assessment) {
      const c = await reads().computeDeadline({
        receivedAt: state.receivedAt,
        workingDays: settings.assessmentWorkingDays,
        reminderLeadDays: settings.assessmentReminderLeadWorkingDays,
      });
      const computed = { dueAt: c.deadline, reminderAt: c.reminderAt, provisional: c.provisional };
      next = withAssessmentSchedule(next, computed, nowIso());
    }
    if (todo.delivery) {
      const computed = await reads().computeDeliverySchedule({
        plannedDeliveryDate: state.plannedDeliveryDate!,
        reminderLeadDays: settings.deliveryReminderLeadDays,
      });
      next = withDeliverySchedule(next, computed, nowIso());
    }
    if (todo.signOff) {
      // Lead 0: 09:00 on the n-th working day after the release or the previous reminder.
      const c = await reads().computeDeadline({
        receivedAt: signOffAnchor(state),
        workingDays: settings.signOffReminderWorkingDays,
        reminderLeadDays: 0,
      });
      next = withSignOffSchedule(next, { reminderAt: c.reminderAt!, provisional: c.provisional });
    }
    // Nothing moved (e.g. a calendar change that did not touch this request): nothing to write.
    if (JSON.stringify(next.deadlines) === JSON.stringify(state.deadlines)) return;
    const written = { ...next, seq: state.seq + 1, updatedAt: nowIso() };
    // The first schedule tells the vendor about the request; a recomputation (a year's official
    // schedule was loaded) rewrites the row's deadlines. Other schedules are workflow-internal.
    if (firstSchedule)
      await recordEvent('assessment_scheduled', written, null, written.deadlines.assessment!.dueAt);
    else if (recomputeAll) await recordEvent('deadlines_recomputed', written, null, null);
    else state = next;
  }

  async function fireTimer(timer: RequirementTimer): Promise<void> {
    const { next, breach, dueAt } = applyRequirementTimer(state, timer, nowIso());
    await recordEvent(timer, next, breach, dueAt);
  }

  await scheduled;
  while (!isFinalRequirementStatus(state.status)) {
    await lock.run(async () => {
      const recomputeAll = calendarChanged;
      calendarChanged = false;
      await refreshSchedules(recomputeAll);
      const due = nextRequirementTimer(state);
      if (due && Date.parse(due.at) <= Date.now()) await fireTimer(due.timer);
    });
    const due = nextRequirementTimer(state);
    const pending = schedulesToCompute(state);
    if (
      isFinalRequirementStatus(state.status) ||
      calendarChanged ||
      pending.assessment ||
      pending.delivery ||
      pending.signOff ||
      (due && Date.parse(due.at) <= Date.now())
    ) {
      continue;
    }
    const seen = state;
    if (historyTooLong(input.continueAsNewAfterEvents) && patched(CONTINUE_AS_NEW_PATCH)) {
      // Only between Updates: one accepted but unfinished would be lost with this run.
      await condition(allHandlersFinished);
      if (state === seen)
        return continueAsNew<typeof customizationRequestWorkflow>({
          ...input,
          resume: { state, calendarChanged },
        });
      continue;
    }
    // Sleep until the next timer; any change of state (an Update) or a calendar change wakes it.
    const changed = (): boolean => state !== seen || calendarChanged;
    if (due) await condition(changed, Date.parse(due.at) - Date.now());
    else await condition(changed);
  }

  // Updates still queued behind the lock are refused (final state) before the workflow ends.
  await condition(allHandlersFinished);
  return state;
}
