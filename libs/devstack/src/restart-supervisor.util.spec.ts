import { restartDelayMs, supervise, type Supervisable } from './restart-supervisor.util';

describe('restartDelayMs', () => {
  it('doubles from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(restartDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(restartDelayMs(-1)).toBe(1_000);
  });
});

/** A stand-in part: ends when told, with "crash" or (after stop()) "requested". */
class FakePart implements Supervisable<string> {
  readonly exited: Promise<string>;
  stopped = false;
  private end!: (how: string) => void;
  constructor() {
    this.exited = new Promise((resolve) => (this.end = resolve));
  }
  crash(): void {
    this.end('crash');
  }
  stop(): Promise<string> {
    this.stopped = true;
    this.end('requested');
    return this.exited;
  }
}

/** Lets the supervisor's timers and promises run until `done` holds (bounded). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('supervise', () => {
  const setUp = (restart: () => Promise<FakePart>) => {
    const lines: string[] = [];
    const delays: number[] = [];
    const first = new FakePart();
    const supervised = supervise({
      what: 'the part',
      first,
      restart,
      unexpected: (how: string) => (how === 'requested' ? undefined : 'crashed'),
      log: (line) => lines.push(line),
      delayMs: (n) => {
        delays.push(restartDelayMs(n));
        return 0;
      },
    });
    return { first, supervised, lines, delays };
  };

  it('starts a crashed part again with a growing backoff, and stop() ends the last one', async () => {
    const parts: FakePart[] = [];
    const { first, supervised, lines, delays } = setUp(async () => {
      parts.push(new FakePart());
      return parts[parts.length - 1];
    });
    first.crash();
    await until(() => parts.length === 1);
    expect(supervised.current()).toBe(parts[0]);
    parts[0].crash();
    await until(() => parts.length === 2);
    expect(parts).toHaveLength(2);
    expect(delays).toEqual([1_000, 2_000]);
    expect(lines[0]).toBe('[stack] the part crashed; restarting in 0 s');
    await supervised.stop();
    expect(parts[1].stopped).toBe(true);
    expect(supervised.restarts()).toBe(2);
  });

  it('does not start a part again once the stack is shutting down', async () => {
    const shutdown = new AbortController();
    const first = new FakePart();
    let restarts = 0;
    const supervised = supervise({
      what: 'the part',
      first,
      restart: async () => {
        restarts += 1;
        return new FakePart();
      },
      unexpected: (how: string) => (how === 'requested' ? undefined : 'crashed'),
      log: () => undefined,
      delayMs: () => 0,
      shutdown: shutdown.signal,
    });
    shutdown.abort();
    first.crash(); // the terminal's Ctrl-C reached it before the stack stopped it
    await new Promise((resolve) => setTimeout(resolve, 50)); // a restart would be done by now
    expect(restarts).toBe(0);
    await supervised.stop();
    expect(supervised.current()).toBe(first);
  });

  it('retries a restart that fails', async () => {
    let attempts = 0;
    const { first, supervised, lines } = setUp(async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('port in use\nmore detail');
      return new FakePart();
    });
    first.crash();
    await until(() => supervised.restarts() === 1);
    expect(attempts).toBe(3);
    expect(lines).toContain(
      '[stack] the part did not start again (port in use); restarting in 0 s',
    );
    await supervised.stop();
  });

  it('does not restart a part that was asked to stop', async () => {
    let restarted = false;
    const { first, supervised } = setUp(async () => {
      restarted = true;
      return new FakePart();
    });
    await supervised.stop();
    await until(() => restarted);
    expect(first.stopped).toBe(true);
    expect(restarted).toBe(false);
  });
});
