import {
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applyChangeAction,
  applyChangeEvent,
  initialChangeState,
  replyOutcome,
  withEffectResults,
  changeMails,
  checkChangeAction,
  checkWithdrawer,
  validateChangePayload,
  isFinalChangeStatus,
  CHANGE_ACTIONS,
  type ChangeAction,
  type ChangeActionCall,
  type ChangeCommand,
  type ChangeEvent,
  type ChangeRequestState,
  type EffectResult,
  nextChangeTimer,
  repliesToSchedule,
  withReminderSent,
  withReplySchedule,
  changeReceivedUpdate,
  changeStateQuery,
  changeUpdates,
  type ChangeRequestRunInput,
  type ChangeUpdate,
  type ChangeRequestActivities,
} from '@luyue/change-request/definitions';
import { type Party } from '@luyue/domain';
import {
  calendarChangedSignal,
  domainFailure,
  type DeadlineWatchActivities,
} from '@luyue/temporal/definitions';
import { SerialLock } from './serial-lock.util';
import {
  STEP_RETRY,
  actionWrite,
  eventWrite,
  nowIso,
  stepProxies,
  writeSteps,
} from './workflow-steps.util';

type Activities = ChangeRequestActivities & Pick<DeadlineWatchActivities, 'computeDeadline'>;

const steps = stepProxies<Activities>();
/** Writes run in activity tasks of their own (see COMMITTED_WRITES_PATCH). */
const writes = (): Activities => writeSteps(steps, () => steps.local);
// Effects run Updates on other workflows, which may wait on their own activities.
const effects = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: STEP_RETRY,
});

// Withdrawing became the proposer's alone: runs recorded before keep their colleague's withdrawal.
const WITHDRAW_BY_PROPOSER_PATCH = 'change-withdraw-by-proposer';

/**
 * One change request (DESIGN.md rule 3): the receiving parties reply in writing within
 * their working-day deadline; one disagreement rejects, all agreeing makes it agreed, silence
 * past a deadline lapses it (the original contract stands). An agreed change is confirmed,
 * implemented and archived; its effects are applied once, after confirmation. Every change is
 * an Update validated by role, party and state, persisted by one idempotent activity.
 */
export async function changeRequestWorkflow(
  input: ChangeRequestRunInput,
): Promise<ChangeRequestState> {
  const { workflowId } = workflowInfo();
  let state = initialChangeState(input);
  let calendarChanged = false;
  const lock = new SerialLock();

  setHandler(changeStateQuery, () => state);
  setHandler(changeReceivedUpdate, async () => {
    await condition(() => state.replies.every((r) => r.dueAt !== null));
    return state;
  });
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });
  const scheduled = lock.run(() => refreshSchedules(false));
  for (const action of CHANGE_ACTIONS) registerAction(action);

  function registerAction<A extends ChangeAction>(action: A): void {
    const refuseIfNotAllowed = (command: ChangeCommand<A>, proposerOnly: boolean): void => {
      const call = { action, payload: command.payload } as ChangeActionCall;
      const error =
        checkChangeAction(state, action, command.actor) ??
        (proposerOnly ? checkWithdrawer(state, action, command.actor) : null) ??
        validateChangePayload(call);
      if (error) throw domainFailure(error);
    };
    const update: ChangeUpdate<A> = changeUpdates[action];
    setHandler(
      update,
      (command: ChangeCommand<A>) =>
        lock.run(async () => {
          refuseIfNotAllowed(command, action === 'withdraw' && patched(WITHDRAW_BY_PROPOSER_PATCH));
          await applyAction({ action, payload: command.payload } as ChangeActionCall, command);
          const outcome = replyOutcome(state);
          if (outcome) await recordOutcome(outcome);
          return state;
        }),
      // Validators never replay, so the new rule applies there without a patch.
      { validator: (command: ChangeCommand<A>) => refuseIfNotAllowed(command, true) },
    );
  }

  async function applyAction(call: ChangeActionCall, command: ChangeCommand): Promise<void> {
    const at = nowIso();
    const change = applyChangeAction(state, call, command.actor, at);
    await actionWrite(
      writes().persistChangeTransition({
        ...call,
        ...base(change.next),
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        at,
        actor: command.actor,
        requestId: command.requestId ?? null,
        mails: changeMails(
          call.action,
          change.next,
          change.next.seq,
          input.notify,
          command.actor.email,
        ),
      }),
    );
    state = change.next;
  }

  function base(next: ChangeRequestState) {
    return {
      changeRequestId: next.changeRequestId,
      contractId: next.contractId,
      contractYear: next.contractYear,
      workflowId,
      transitionSeq: next.seq,
      state: next,
      replyWorkingDays: input.settings.replyWorkingDays,
    };
  }

  async function recordEvent(
    event: ChangeEvent,
    next: ChangeRequestState,
    payload: Record<string, unknown>,
    parties?: readonly Party[],
  ): Promise<void> {
    await eventWrite(() =>
      writes().persistChangeTransition({
        ...base(next),
        action: event,
        payload,
        actor: null,
        requestId: null,
        fromStatus: state.status,
        toStatus: next.status,
        at: next.updatedAt,
        mails: changeMails(event, next, next.seq, input.notify, null, parties),
      }),
    );
    state = next;
  }

  async function recordOutcome(event: 'agreed' | 'rejected' | 'lapsed'): Promise<void> {
    const { next } = applyChangeEvent(state, event, nowIso());
    await recordEvent(event, next, { silentParties: next.silentParties });
  }

  /** Computes missing reply deadlines (or all open ones after a calendar change). */
  async function refreshSchedules(recomputeAll: boolean): Promise<void> {
    const parties = repliesToSchedule(state, recomputeAll);
    if (parties.length === 0) return;
    const firstSchedule = state.replies.every((r) => r.dueAt === null);
    const leads = input.settings.reminderLeadWorkingDays;
    const computed = await Promise.all(
      (leads.length > 0 ? leads : [0]).map((lead) =>
        steps.local.computeDeadline({
          receivedAt: state.proposedAt,
          workingDays: input.settings.replyWorkingDays,
          reminderLeadDays: lead,
        }),
      ),
    );
    const schedule = {
      dueAt: computed[0].deadline,
      reminderAts: leads.length > 0 ? computed.map((c) => c.reminderAt!).filter(Boolean) : [],
      provisional: computed[0].provisional,
    };
    const now = nowIso();
    const next = withReplySchedule(state, parties, schedule, now);
    if (JSON.stringify(next.replies) === JSON.stringify(state.replies)) return;
    const written = { ...next, seq: state.seq + 1, updatedAt: now };
    const dueAt = schedule.dueAt;
    if (firstSchedule) await recordEvent('replies_requested', written, { dueAt });
    else await recordEvent('deadlines_recomputed', written, { dueAt });
  }

  async function applyEffects(): Promise<void> {
    const results: EffectResult[] = [];
    for (const [index, effect] of state.effects.entries()) {
      results.push(
        await effects.applyChangeEffect({
          key: `${state.changeRequestId}:effect:${index}`,
          changeRequestId: state.changeRequestId,
          contractId: state.contractId,
          effect,
          actorUserId: effectActorOf(state, effect.type === 'grant_quota' ? 'hospital' : 'vendor'),
        }),
      );
    }
    await recordEvent('effects_applied', withEffectResults(state, results, nowIso()), {
      results,
    });
  }

  await scheduled;
  while (!isFinalChangeStatus(state.status)) {
    await lock.run(async () => {
      const recomputeAll = calendarChanged;
      calendarChanged = false;
      await refreshSchedules(recomputeAll);
      const due = nextChangeTimer(state);
      if (due && Date.parse(due.at) <= Date.now()) {
        if (due.timer === 'lapsed') await recordOutcome('lapsed');
        else {
          const next = withReminderSent(state, due.parties, nowIso());
          await recordEvent('reply_reminder', next, { parties: due.parties }, due.parties);
        }
      }
      if (
        state.status === 'confirmed' &&
        state.effectResults === null &&
        state.effects.length > 0
      ) {
        await applyEffects();
      }
    });
    const due = nextChangeTimer(state);
    if (isFinalChangeStatus(state.status) || calendarChanged) continue;
    if (due && Date.parse(due.at) <= Date.now()) continue;
    if (state.status === 'confirmed' && state.effectResults === null && state.effects.length > 0) {
      continue;
    }
    const seen = state;
    const changed = (): boolean => state !== seen || calendarChanged;
    if (due) await condition(changed, Date.parse(due.at) - Date.now());
    else await condition(changed);
  }
  await condition(allHandlersFinished);
  return state;
}

/**
 * Who applies an effect for the agreement: the party's own decider, who agreed in writing (the
 * vendor's confirmer for the vendor; the hospital's replier or proposer for the hospital).
 */
function effectActorOf(state: ChangeRequestState, party: Party): string {
  if (party === 'vendor' && state.confirmation) return state.confirmation.by.userId;
  const reply = state.replies.find((r) => r.party === party);
  return reply?.by?.userId ?? state.proposedBy.userId;
}
