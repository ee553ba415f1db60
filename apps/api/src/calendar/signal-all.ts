import { WorkflowNotFoundError } from '@temporalio/common';

/** Signals in flight at once: thousands at once make the server refuse some (and lose them). */
const IN_FLIGHT = 32;
const TRIES = 4;
const FIRST_PAUSE_MS = 250;

/**
 * Sends `signal` to every id, a bounded number at a time, trying a refused one again with a
 * growing pause. A workflow that ended meanwhile needs nothing. Answers how many stayed refused.
 */
export async function signalAll(
  ids: readonly string[],
  signal: (id: string) => Promise<void>,
): Promise<number> {
  let next = 0;
  let failed = 0;
  const one = async (id: string): Promise<boolean> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await signal(id);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return true;
        if (attempt >= TRIES) return false;
        await new Promise((r) => setTimeout(r, FIRST_PAUSE_MS * 2 ** (attempt - 1)));
      }
    }
  };
  const lane = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++];
      if (!(await one(id))) failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, ids.length) }, lane));
  return failed;
}
