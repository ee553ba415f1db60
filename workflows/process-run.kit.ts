import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { DomainError } from '@luyue/domain';
import { calendarChangedSignal, domainFailure } from '@luyue/temporal/definitions';
import { SerialLock } from './serial-lock.util';

/**
 * One item's run of a process, as the kit drives it: the state, the lock every step takes, and
 * the process's answers. A process's workflow is a subclass of this plus a few lines of wiring.
 */
export abstract class ProcessRun<S, A extends string, C> {
  calendarChanged = false;
  readonly lock = new SerialLock();

  constructor(public state: S) {}

  /**
   * Why `command` may not run now (role, state, payload), or null. `inHandler` is false in the
   * Update's validator, which never replays, and true in the handler, which does.
   */
  abstract refusal(action: A, command: C, inHandler: boolean): DomainError | null;
  /** Reduces, persists, then keeps the action; answers the state after it. */
  abstract act(action: A, command: C): Promise<S>;
  abstract isFinal(): boolean;
  /** One turn under the lock: schedules computed (all again after a calendar change), a due timer fired. */
  abstract turn(recomputeAll: boolean): Promise<void>;
  /** After a turn: 'now' when more is due at once, else the instant (ms) to wake at, or null. */
  abstract wake(): 'now' | number | null;
}

export interface ProcessHandlers<S, A extends string> {
  stateQuery: QueryDefinition<S>;
  /** Answers once `received(state)` holds: sent with the start, so the api answers with deadlines. */
  receivedUpdate: UpdateDefinition<S, []>;
  received: (state: S) => boolean;
  actions: readonly A[];
  /** One Update per action; each takes that action's command (checked where the table is typed). */
  updates: { readonly [K in A]: UpdateDefinition<S, [unknown]> };
}

/**
 * Sets the run's query, its received Update and the calendar signal; runs `first` under the lock
 * before any action (registering an Update handler dispatches Updates that came with the start,
 * so even an immediate action is judged on a scheduled state); then one Update per action of the
 * table: validator, lock, validation again under it, then `act`.
 */
export function serveProcess<S, A extends string, C>(
  run: ProcessRun<S, A, C>,
  handlers: ProcessHandlers<S, A>,
  first: () => Promise<void>,
): Promise<void> {
  setHandler(handlers.stateQuery, () => run.state);
  // Read-only, so not under the lock: the state is kept only after the schedule is persisted.
  setHandler(handlers.receivedUpdate, async () => {
    await condition(() => handlers.received(run.state));
    return run.state;
  });
  setHandler(calendarChangedSignal, () => {
    run.calendarChanged = true;
  });
  const started = run.lock.run(first);
  for (const action of handlers.actions) {
    const refuse = (command: C, inHandler: boolean): void => {
      const error = run.refusal(action, command, inHandler);
      if (error) throw domainFailure(error);
    };
    setHandler(
      handlers.updates[action] as UpdateDefinition<S, [C]>,
      (command: C) =>
        run.lock.run(async () => {
          // Again under the lock: an Update accepted just before may have moved the state.
          refuse(command, true);
          return run.act(action, command);
        }),
      { validator: (command: C) => refuse(command, false) },
    );
  }
  return started;
}

/**
 * Turns until the item is final, sleeping until its next timer; any Update or calendar change
 * wakes it. When `handOver.due()` says so (checked without yielding, so a queued Update cannot
 * slip in before the timer), `handOver.run` may continue the run as new; otherwise another turn.
 * Updates still queued behind the lock are refused (final state) before the workflow ends.
 */
export async function runUntilFinal<S, A extends string, C>(
  run: ProcessRun<S, A, C>,
  handOver?: { due: () => boolean; run: (seen: S) => Promise<void> },
): Promise<S> {
  while (!run.isFinal()) {
    await run.lock.run(async () => {
      const recomputeAll = run.calendarChanged;
      run.calendarChanged = false;
      await run.turn(recomputeAll);
    });
    if (run.isFinal() || run.calendarChanged) continue;
    const wake = run.wake();
    if (wake === 'now') continue;
    const seen = run.state;
    if (handOver?.due()) {
      await handOver.run(seen);
      continue;
    }
    const changed = (): boolean => run.state !== seen || run.calendarChanged;
    if (wake !== null) await condition(changed, wake - Date.now());
    else await condition(changed);
  }
  await condition(allHandlersFinished);
  return run.state;
}
