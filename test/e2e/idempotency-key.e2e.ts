// The idempotency key's SQL on the stack's real PostgreSQL: a key whose creation committed keeps
// what it made, even when the caller was told 503 and released the key while the COMMIT was on
// its way; a release frees only the claim it belongs to.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  IdempotencyKeyRepository,
  type ClaimOutcome,
  type IdempotencyClaim,
} from '@luyue/persistence';
import { e2eStack } from '../helpers/e2e-stack';

let ds: DataSource;
let keys: IdempotencyKeyRepository;

beforeAll(async () => {
  ds = new DataSource({ ...dataSourceOptions(e2eStack().databaseUrl), extra: { max: 4 } });
  await ds.initialize();
  keys = new IdempotencyKeyRepository(ds);
});
afterAll(() => ds?.destroy());

const claimOf = (): IdempotencyClaim => ({
  key: `k-${randomUUID()}`,
  caller: 'u-1',
  scope: 'POST /api/contracts/c/requirements',
  bodySha256: 'a'.repeat(64),
});

/** Claims the key, failing the test when someone holds it already. */
async function claimed(claim: IdempotencyClaim): Promise<string> {
  const outcome: ClaimOutcome = await keys.claim(claim);
  if (!('claimed' in outcome)) throw new Error(`${claim.key} is held: ${JSON.stringify(outcome)}`);
  return outcome.claimed;
}

const ageClaim = (key: string) =>
  ds.query(`UPDATE idempotency_key SET created_at = now() - interval '1 hour' WHERE key = $1`, [
    key,
  ]);

describe('IdempotencyKeyRepository', () => {
  it('a release racing the creating COMMIT waits for it and leaves the key with its subject', async () => {
    const claim = claimOf();
    const at = await claimed(claim);
    let released: Promise<void> | undefined;
    await ds.transaction(async (m) => {
      await keys.recordSubject(m, claim.key, 'REQ-2099-0001');
      // The caller gave up (503) and releases while this transaction has not committed yet.
      released = keys.release(claim.key, at);
      const raced = await Promise.race([
        released.then(() => 'released'),
        new Promise((r) => setTimeout(() => r('waiting'), 300)),
      ]);
      expect(raced).toBe('waiting');
    });
    await released;
    expect(await keys.claim(claim)).toMatchObject({
      held: { statusCode: null, subjectId: 'REQ-2099-0001' },
    });
  });

  it('an old claim that committed its subject is answered from it, never run again', async () => {
    const claim = claimOf();
    await claimed(claim);
    await ds.transaction((m) => keys.recordSubject(m, claim.key, 'REQ-2099-0004'));
    // Older than an abandoned claim: without its subject it would be taken over and run again.
    await ageClaim(claim.key);
    expect(await keys.claim(claim)).toMatchObject({
      held: { statusCode: null, subjectId: 'REQ-2099-0004' },
    });
  });

  it('a release after a rolled-back creation frees the key for a new try', async () => {
    const claim = claimOf();
    const at = await claimed(claim);
    await expect(
      ds.transaction(async (m) => {
        await keys.recordSubject(m, claim.key, 'REQ-2099-0002');
        throw new Error('the start was refused');
      }),
    ).rejects.toThrow('the start was refused');
    await keys.release(claim.key, at);
    await claimed(claim);
  });

  it('a late release of an abandoned claim leaves the claim that took it over alone', async () => {
    const claim = claimOf();
    const first = await claimed(claim);
    await ageClaim(claim.key);
    const second = await claimed(claim); // taken over: the first request counts as dead
    expect(second).not.toBe(first);
    await keys.release(claim.key, first);
    expect(await keys.claim(claim)).toMatchObject({ held: { statusCode: null, subjectId: null } });
    await keys.release(claim.key, second);
    await claimed(claim);
  });

  it('a completed key answers its stored answer, not its subject', async () => {
    const claim = claimOf();
    const at = await claimed(claim);
    await ds.transaction((m) => keys.recordSubject(m, claim.key, 'REQ-2099-0003'));
    await keys.complete(claim.key, 201, { id: 'REQ-2099-0003' });
    await keys.release(claim.key, at);
    expect(await keys.claim(claim)).toMatchObject({
      held: { statusCode: 201, response: { id: 'REQ-2099-0003' } },
    });
  });
});
