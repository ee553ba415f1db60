import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
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
  type ChangeRequestActivities,
} from '@luyue/change-request/definitions';
import { type Party } from '@luyue/domain';
import type { DeadlineWatchActivities } from '@luyue/temporal/definitions';
import { ProcessRun, runUntilFinal, serveProcess } from './process-run.kit';
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
  const run = new ChangeRequestRun(input, workflowInfo().workflowId);
  await serveProcess(
    run,
    {
      stateQuery: changeStateQuery,
      receivedUpdate: changeReceivedUpdate,
      received: (state) => state.replies.every((r) => r.dueAt !== null),
      actions: CHANGE_ACTIONS,
      updates: changeUpdates,
    },
    () => run.refreshSchedules(false),
  );
  return runUntilFinal(run);
}

/** The change's state and its steps: actions, replies' outcome, reminders, effects. */
class ChangeRequestRun extends ProcessRun<ChangeRequestState, ChangeAction, ChangeCommand> {
  constructor(
    private readonly input: ChangeRequestRunInput,
    private readonly workflowId: string,
  ) {
    super(initialChangeState(input));
  }

  refusal(action: ChangeAction, command: ChangeCommand, inHandler: boolean) {
    // Validators never replay, so the new rule applies there without a patch.
    const proposerOnly = inHandler
      ? action === 'withdraw' && patched(WITHDRAW_BY_PROPOSER_PATCH)
      : true;
    const call = { action, payload: command.payload } as ChangeActionCall;
    return (
      checkChangeAction(this.state, action, command.actor) ??
      (proposerOnly ? checkWithdrawer(this.state, action, command.actor) : null) ??
      validateChangePayload(call)
    );
  }

  async act(action: ChangeAction, command: ChangeCommand): Promise<ChangeRequestState> {
    const call = { action, payload: command.payload } as ChangeActionCall;
    await this.applyAction(call, command);
    const outcome = replyOutcome(this.state);
    if (outcome) await this.recordOutcome(outcome);
    return this.state;
  }

  isFinal(): boolean {
    return isFinalChangeStatus(this.state.status);
  }

  async turn(recomputeAll: boolean): Promise<void> {
    await this.refreshSchedules(recomputeAll);
    const due = nextChangeTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) {
      if (due.timer === 'lapsed') await this.recordOutcome('lapsed');
      else {
        const next = withReminderSent(this.state, due.parties, nowIso());
        await this.recordEvent('reply_reminder', next, { parties: due.parties }, due.parties);
      }
    }
    if (this.effectsPending()) await this.applyEffects();
  }

  wake(): 'now' | number | null {
    const due = nextChangeTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) return 'now';
    if (this.effectsPending()) return 'now';
    return due ? Date.parse(due.at) : null;
  }

  private effectsPending(): boolean {
    const { state } = this;
    return state.status === 'confirmed' && state.effectResults === null && state.effects.length > 0;
  }

  private async applyAction(call: ChangeActionCall, command: ChangeCommand): Promise<void> {
    const at = nowIso();
    const change = applyChangeAction(this.state, call, command.actor, at);
    const { notify } = this.input;
    await actionWrite(
      writes().persistChangeTransition({
        ...call,
        ...this.base(change.next),
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        at,
        actor: command.actor,
        requestId: command.requestId ?? null,
        mails: changeMails(call.action, change.next, change.next.seq, notify, command.actor.email),
      }),
    );
    this.state = change.next;
  }

  private base(next: ChangeRequestState) {
    return {
      changeRequestId: next.changeRequestId,
      contractId: next.contractId,
      contractYear: next.contractYear,
      workflowId: this.workflowId,
      transitionSeq: next.seq,
      state: next,
      replyWorkingDays: this.input.settings.replyWorkingDays,
    };
  }

  private async recordEvent(
    event: ChangeEvent,
    next: ChangeRequestState,
    payload: Record<string, unknown>,
    parties?: readonly Party[],
  ): Promise<void> {
    await eventWrite(() =>
      writes().persistChangeTransition({
        ...this.base(next),
        action: event,
        payload,
        actor: null,
        requestId: null,
        fromStatus: this.state.status,
        toStatus: next.status,
        at: next.updatedAt,
        mails: changeMails(event, next, next.seq, this.input.notify, null, parties),
      }),
    );
    this.state = next;
  }

  private async recordOutcome(event: 'agreed' | 'rejected' | 'lapsed'): Promise<void> {
    const { next } = applyChangeEvent(this.state, event, nowIso());
    await this.recordEvent(event, next, { silentParties: next.silentParties });
  }

  /** Computes missing reply deadlines (or all open ones after a calendar change). */
  async refreshSchedules(recomputeAll: boolean): Promise<void> {
    const { state, input } = this;
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
    const next = withReplySchedule(this.state, parties, schedule, now);
    if (JSON.stringify(next.replies) === JSON.stringify(this.state.replies)) return;
    const written = { ...next, seq: this.state.seq + 1, updatedAt: now };
    const dueAt = schedule.dueAt;
    if (firstSchedule) await this.recordEvent('replies_requested', written, { dueAt });
    else await this.recordEvent('deadlines_recomputed', written, { dueAt });
  }

  private async applyEffects(): Promise<void> {
    const { state } = this;
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
    await this.recordEvent('effects_applied', withEffectResults(this.state, results, nowIso()), {
      results,
    });
  }
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
