import { workflowInfo } from '@temporalio/workflow';
import {
  FAULT_ACTIONS,
  applyFaultAction,
  applyFaultTimer,
  checkFaultAction,
  faultMails,
  faultReceivedUpdate,
  faultStateQuery,
  faultUpdates,
  initialFaultState,
  isFinalFaultStatus,
  nextFaultTimer,
  reportedOps,
  validateFaultPayload,
  type ClockOp,
  type FaultAction,
  type FaultActionCall,
  type FaultCommand,
  type FaultEvent,
  type FaultTicketActivities,
  type FaultTicketInput,
  type FaultTicketState,
} from '@luyue/fault-ticket/definitions';
import { ProcessRun, runUntilFinal, serveProcess } from './process-run.kit';
import { actionWrite, eventWrite, nowIso, stepProxies } from './workflow-steps.util';

const steps = stepProxies<FaultTicketActivities>();

/**
 * One fault ticket (rule 6): its clocks count covered minutes from the report; the vendor
 * acknowledges, arrives, restores, resolves and submits the report, the hospital signs or
 * reopens. Timers fire each warning and each breach (once per clock); a pause, a level change,
 * an extension or a newly loaded calendar year computes the due times again.
 */
export async function faultTicketWorkflow(input: FaultTicketInput): Promise<FaultTicketState> {
  const run = new FaultTicketRun(input, workflowInfo().workflowId);
  await serveProcess(
    run,
    {
      stateQuery: faultStateQuery,
      receivedUpdate: faultReceivedUpdate,
      received: (state) => state.seq > 0,
      actions: FAULT_ACTIONS,
      updates: faultUpdates,
    },
    () => run.report(),
  );
  return runUntilFinal(run);
}

class FaultTicketRun extends ProcessRun<FaultTicketState, FaultAction, FaultCommand> {
  constructor(
    private readonly input: FaultTicketInput,
    private readonly workflowId: string,
  ) {
    super(initialFaultState(input));
  }

  refusal(action: FaultAction, command: FaultCommand) {
    const call = { action, payload: command.payload } as FaultActionCall;
    return (
      checkFaultAction(this.state, action, command.actor) ?? validateFaultPayload(this.state, call)
    );
  }

  async act(action: FaultAction, command: FaultCommand): Promise<FaultTicketState> {
    const call = { action, payload: command.payload } as FaultActionCall;
    const at = nowIso();
    const change = applyFaultAction(this.state, call, command.actor, at, this.input.policy);
    const next = await this.clocked(change.next, at, change.ops);
    await actionWrite(
      steps.remote.persistFaultTransition({
        ...call,
        ...this.base(next),
        at,
        actor: command.actor,
        requestId: command.requestId ?? null,
        mails: faultMails(action, next, next.seq, this.input.notify, command.actor.email),
      }),
    );
    this.state = next;
    return next;
  }

  isFinal(): boolean {
    return isFinalFaultStatus(this.state.status);
  }

  async turn(recomputeAll: boolean): Promise<void> {
    if (this.isFinal()) return;
    if (recomputeAll) await this.recompute();
    const due = nextFaultTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) {
      const fired = applyFaultTimer(this.state, due, nowIso());
      const { clock } = fired;
      await this.recordEvent(fired.event, fired.next, {
        clock: clock.kind,
        level: this.state.level,
        at: due.at,
        dueAt: clock.dueAt,
        budgetMinutes: clock.budgetMinutes,
      });
    }
  }

  wake(): 'now' | number | null {
    const due = nextFaultTimer(this.state);
    if (due && Date.parse(due.at) <= Date.now()) return 'now';
    return due ? Date.parse(due.at) : null;
  }

  /** The first step: the level's clocks start at the reported time. */
  async report(): Promise<void> {
    const start = { ...this.state, seq: 1 };
    const ops = reportedOps(start, this.input.policy);
    const next = await this.clocked(start, this.state.reportedAt, ops);
    await this.recordEvent('reported', next, { level: next.level, system: next.system });
  }

  private base(next: FaultTicketState) {
    return {
      ticketId: next.ticketId,
      contractId: next.contractId,
      workflowId: this.workflowId,
      transitionSeq: next.seq,
      fromStatus: this.state.status,
      toStatus: next.status,
      state: next,
    };
  }

  private async recordEvent(
    event: FaultEvent,
    next: FaultTicketState,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await eventWrite(() =>
      steps.remote.persistFaultTransition({
        ...this.base(next),
        action: event,
        payload,
        actor: null,
        requestId: null,
        at: next.updatedAt,
        mails: faultMails(event, next, next.seq, this.input.notify, null),
      }),
    );
    this.state = next;
  }

  /** `next` with its clocks advanced by `ops` at `at` and scheduled on the current calendar. */
  private async clocked(next: FaultTicketState, at: string, ops: ClockOp[]) {
    const clocks = await steps.local.advanceFaultClocks({ clocks: next.clocks, at, ops });
    return { ...next, clocks };
  }

  private async recompute(): Promise<void> {
    const at = nowIso();
    const next = await this.clocked(this.state, at, []);
    if (JSON.stringify(next.clocks) === JSON.stringify(this.state.clocks)) return;
    const written = { ...next, seq: this.state.seq + 1, updatedAt: at };
    await this.recordEvent('clocks_recomputed', written, {
      dueAt: Object.fromEntries(written.clocks.map((c) => [c.kind, c.dueAt])),
    });
  }
}
