import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  DUTY_ACTIONS,
  applyDutyAction,
  applyDutyTimer,
  checkDutyAction,
  dutyMails,
  dutyReceivedUpdate,
  dutyStateQuery,
  dutyUpdates,
  dutyWithdrawnSignal,
  initialDutyState,
  isFinalDutyStatus,
  nextDutyTimer,
  rescheduleDuty,
  validateDutyPayload,
  withdrawDuty,
  type DutyAction,
  type DutyActionCall,
  type DutyActivities,
  type DutyCommand,
  type DutyEvent,
  type DutyInput,
  type DutyState,
} from '@luyue/duty/definitions';
import { ProcessRun, runUntilFinal, serveProcess } from './process-run.kit';
import { actionWrite, eventWrite, nowIso, stepProxies } from './workflow-steps.util';

const steps = stepProxies<DutyActivities>();

/** From this code on, an open occurrence whose day the official calendar no longer has is cancelled. */
const UNSCHEDULED_PATCH = 'duty-unscheduled-when-unplaced';

/**
 * One occurrence of a scheduled duty (rule 7): the vendor records it, each signer role signs
 * (the record as signed, by its sha256), a refusal sends it back. A timer reminds the vendor and
 * records the breach once when the record is not in by its deadline; a loaded calendar year
 * places the occurrence again.
 */
export async function dutyWorkflow(input: DutyInput): Promise<DutyState> {
  const run = new DutyRun(input, workflowInfo().workflowId);
  await serveProcess(
    run,
    {
      stateQuery: dutyStateQuery,
      receivedUpdate: dutyReceivedUpdate,
      // The api stored the first state with the row; nothing to wait for.
      received: () => true,
      actions: DUTY_ACTIONS,
      updates: dutyUpdates,
    },
    () => Promise.resolve(),
  );
  // Under the lock like a step: an Update accepted just before is written first.
  setHandler(dutyWithdrawnSignal, ({ reason }) => run.lock.run(() => run.withdraw(reason)));
  return runUntilFinal(run);
}

class DutyRun extends ProcessRun<DutyState, DutyAction, DutyCommand> {
  constructor(
    private readonly input: DutyInput,
    private readonly workflowId: string,
  ) {
    super(initialDutyState(input));
  }

  refusal(action: DutyAction, command: DutyCommand) {
    const call = { action, payload: command.payload } as DutyActionCall;
    return (
      checkDutyAction(this.state, action, command.actor) ?? validateDutyPayload(this.state, call)
    );
  }

  async act(action: DutyAction, command: DutyCommand): Promise<DutyState> {
    const call = { action, payload: command.payload } as DutyActionCall;
    const at = nowIso();
    const next = applyDutyAction(this.state, call, command.actor, at);
    await actionWrite(
      steps.remote.persistDutyTransition({
        ...call,
        ...this.base(next),
        at,
        actor: command.actor,
        requestId: command.requestId ?? null,
        mails: dutyMails(action, next, next.seq, this.input.notify, command.actor.email),
      }),
    );
    this.state = next;
    return next;
  }

  isFinal(): boolean {
    return isFinalDutyStatus(this.state.status);
  }

  async turn(recomputeAll: boolean): Promise<void> {
    if (this.isFinal()) return;
    if (recomputeAll) await this.reschedule();
    const due = nextDutyTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) {
      const fired = applyDutyTimer(this.state, due.what, nowIso());
      await this.recordEvent(fired.event, fired.next, { at: due.at });
    }
  }

  wake(): 'now' | number | null {
    const due = nextDutyTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) return 'now';
    return due ? Date.parse(due.at) : null;
  }

  /**
   * Withdrawn with its plan, only while nothing is recorded: a record in progress stays, and a
   * retried signal or a duty already done changes nothing.
   */
  async withdraw(reason: string): Promise<void> {
    if (this.state.status !== 'open') return;
    const next = withdrawDuty(this.state, reason, nowIso());
    await this.recordEvent('withdrawn', next, { reason });
  }

  private base(next: DutyState) {
    return {
      occurrenceId: next.occurrenceId,
      contractId: next.contractId,
      workflowId: this.workflowId,
      transitionSeq: next.seq,
      fromStatus: this.state.status,
      toStatus: next.status,
      state: next,
    };
  }

  private async recordEvent(
    event: DutyEvent,
    next: DutyState,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await eventWrite(() =>
      steps.remote.persistDutyTransition({
        ...this.base(next),
        action: event,
        payload,
        actor: null,
        requestId: null,
        at: next.updatedAt,
        mails: dutyMails(event, next, next.seq, this.input.notify, null),
      }),
    );
    this.state = next;
  }

  /** A loaded calendar year: the occurrence's days as they fall now, written when they moved. */
  private async reschedule(): Promise<void> {
    const slot = await steps.local.placeDuty({
      schedule: this.input.schedule,
      year: this.input.year,
      key: this.state.slot.key,
    });
    if (!slot) {
      // A holiday the provisional calendar had and the official one has not: nothing is owed.
      if (patched(UNSCHEDULED_PATCH) && this.state.status === 'open') {
        const next = withdrawDuty(this.state, this.state.slot.key, nowIso(), 'unscheduled');
        await this.recordEvent('unscheduled', next, { key: this.state.slot.key });
      }
      return;
    }
    if (JSON.stringify(slot) === JSON.stringify(this.state.slot)) return;
    const next = rescheduleDuty(this.state, slot, nowIso());
    await this.recordEvent('rescheduled', next, { from: this.state.slot, to: slot });
  }
}
