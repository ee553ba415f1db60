import type { ClaimOutcome, IdempotencyKeyRepository, IdempotencyRecord } from '@luyue/persistence';
import { bodyDigest, KeyedRunService } from './keyed-run.service';

const request = {
  key: 'k-1',
  caller: 'u-1',
  scope: 'POST /requirements/new',
  body: { title: 'a' },
};
const held = (over: Partial<IdempotencyRecord>): ClaimOutcome => ({
  held: {
    key: request.key,
    caller: request.caller,
    scope: request.scope,
    bodySha256: bodyDigest(request.body),
    statusCode: null,
    response: null,
    subjectId: null,
    ...over,
  },
});

/** A repository whose claims answer `outcomes` in turn (the last one repeated). */
function keysAnswering(...outcomes: ClaimOutcome[]) {
  let i = 0;
  const keys = {
    claim: jest.fn(() => Promise.resolve(outcomes[Math.min(i++, outcomes.length - 1)])),
    complete: jest.fn(() => Promise.resolve()),
    release: jest.fn(() => Promise.resolve()),
  };
  return { keys, service: new KeyedRunService(keys as unknown as IdempotencyKeyRepository) };
}

describe('KeyedRunService', () => {
  it('runs the work once and stores its answer', async () => {
    const { keys, service } = keysAnswering({ claimed: 't0' });
    const work = jest.fn(() => Promise.resolve({ id: 'REQ-1' }));
    const out = await service.once(request, work, () => 201);
    expect(out).toEqual({ replayed: false, answer: { id: 'REQ-1' } });
    expect(work).toHaveBeenCalledWith(null);
    expect(keys.complete).toHaveBeenCalledWith('k-1', 201, { id: 'REQ-1' });
  });

  it('a second sending waits for the first one running and answers its answer', async () => {
    const { keys, service } = keysAnswering(
      held({}),
      held({}),
      held({ statusCode: 303, response: { id: 'REQ-1' } }),
    );
    const work = jest.fn();
    const out = await service.once(request, work, () => 303, 5_000);
    expect(out).toEqual({ replayed: true, statusCode: 303, answer: { id: 'REQ-1' } });
    expect(work).not.toHaveBeenCalled();
    expect(keys.claim).toHaveBeenCalledTimes(3);
  });

  it('without a wait, a key still running is 409 at once', async () => {
    const { service } = keysAnswering(held({}));
    await expect(service.once(request, jest.fn(), () => 201)).rejects.toMatchObject({
      code: 'conflict',
      details: { idempotencyKey: 'k-1', retryAfterSeconds: 1 },
    });
  });

  it('a key whose work committed its subject hands the work that subject', async () => {
    const { service } = keysAnswering(held({ subjectId: 'REQ-7' }));
    const work = jest.fn(() => Promise.resolve({ id: 'REQ-7' }));
    await service.once(request, work, () => 201);
    expect(work).toHaveBeenCalledWith('REQ-7');
  });

  it('a failed run releases its own claim; another body is a mismatch', async () => {
    const { keys, service } = keysAnswering({ claimed: 't0' });
    const failing = () => Promise.reject(new Error('Temporal away'));
    await expect(service.once(request, failing, () => 201)).rejects.toThrow('Temporal away');
    expect(keys.release).toHaveBeenCalledWith('k-1', 't0');
    const other = keysAnswering(held({ bodySha256: 'f'.repeat(64) }));
    await expect(other.service.once(request, jest.fn(), () => 201)).rejects.toMatchObject({
      code: 'idempotency_mismatch',
    });
  });
});
