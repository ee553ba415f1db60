import { WorkflowNotFoundError } from '@temporalio/common';
import { signalAll } from './signal-all';

describe('signalling every open workflow', () => {
  it('keeps a bounded number in flight and tries a refused signal again', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `w${i}`);
    let inFlight = 0;
    let most = 0;
    const refusedOnce = new Set(['w3', 'w50']);
    const failed = await signalAll(ids, async (id) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      if (refusedOnce.delete(id)) throw new Error('RESOURCE_EXHAUSTED');
    });
    expect([failed, most <= 32, refusedOnce.size]).toEqual([0, true, 0]);
  });

  it('counts a workflow that ended meanwhile as told, and one refused every time as failed', async () => {
    const failed = await signalAll(['gone', 'down'], (id) =>
      Promise.reject(
        id === 'gone' ? new WorkflowNotFoundError('ended', id, undefined) : new Error('down'),
      ),
    );
    expect(failed).toBe(1);
  });
});
