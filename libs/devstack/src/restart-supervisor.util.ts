import type { LogFn } from './log.types';

/** Restart delays after an unexpected exit: doubling from 1 s up to 30 s. */
export function restartDelayMs(restarts: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.min(Math.max(restarts, 0), 5));
}

/** A restart counts as another in a row only if the part ran less than this before it died. */
const STABLE_RUN_MS = 60_000;

/** What a supervisor keeps running: a process (or server) that says when it ended. */
export interface Supervisable<E> {
  readonly exited: Promise<E>;
  stop(): Promise<unknown>;
}

export interface SuperviseOptions<E, T extends Supervisable<E>> {
  /** The part as log lines name it: "the worker", "the Temporal dev server". */
  what: string;
  /** The running instance, started by the caller (a failed first start is the caller's). */
  first: T;
  /** Starts it again: same port, same data. */
  restart: () => Promise<T>;
  /** Why it ended, or undefined when the end was asked for (no restart then). */
  unexpected: (exit: E) => string | undefined;
  log: LogFn;
  /** Restart delays; restartDelayMs unless given (unit tests). */
  delayMs?: (restarts: number) => number;
  /**
   * Aborted once the whole stack is stopping: a part that ends after that (a Ctrl-C reaches
   * every child of the terminal, not only the launcher) is not started again.
   */
  shutdown?: AbortSignal;
}

export interface Supervised<T> {
  current(): T;
  /** How many times it was started again. */
  restarts(): number;
  /** Cancels a pending restart, waits for one in progress, then stops the running instance. */
  stop(): Promise<void>;
}

/**
 * Keeps a part running: when it ends without being asked to, logs why and starts it again after
 * a backoff; a restart that fails is retried with the next backoff. Only stop() ends this.
 */
export function supervise<E, T extends Supervisable<E>>(
  options: SuperviseOptions<E, T>,
): Supervised<T> {
  const { what, log } = options;
  const delayMs = options.delayMs ?? restartDelayMs;
  let current = options.first;
  let stopping = false;
  let total = 0;
  const wakeUp = new AbortController();

  const loop = (async () => {
    let inARow = 0;
    let startedAt = Date.now();
    for (;;) {
      const exit = await current.exited;
      if (stopping || options.shutdown?.aborted) return;
      let why = options.unexpected(exit);
      if (why === undefined) return;
      if (Date.now() - startedAt > STABLE_RUN_MS) inARow = 0;
      for (;;) {
        const delay = delayMs(inARow);
        inARow += 1;
        log(`[stack] ${what} ${why}; restarting in ${delay / 1000} s`);
        await sleep(delay, wakeUp.signal);
        if (stopping || options.shutdown?.aborted) return;
        try {
          current = await options.restart();
          break;
        } catch (error) {
          why = `did not start again (${(error as Error).message.split('\n')[0]})`;
        }
      }
      startedAt = Date.now();
      total += 1;
      log(`[stack] ${what} is running again (restart ${total})`);
      // A stop() that came while it was starting stops this fresh instance after the loop.
      if (stopping) return;
    }
  })();

  return {
    current: () => current,
    restarts: () => total,
    stop: async () => {
      stopping = true;
      wakeUp.abort();
      // The running instance now (its end ends the loop), then one a pending restart started.
      await Promise.all([current.stop(), loop]);
      await current.stop();
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
