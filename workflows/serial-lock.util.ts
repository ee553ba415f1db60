/**
 * Runs workflow steps one at a time, in arrival order. Update handlers and timers await activities,
 * so without it two Updates validated against the same state could both apply. Deterministic:
 * plain promise chaining, no timers.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
