// The idempotency key's SQL on the stack's real PostgreSQL: a key whose creation committed keeps
// what it made, even when the caller was told 503 and released the key while the COMMIT was on
// its way.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, IdempotencyKeyRepository } from '@luyue/persistence';
import { e2eStack } from '../helpers/e2e-stack';

let ds: DataSource;
let keys: IdempotencyKeyRepository;

beforeAll(async () => {
  ds = new DataSource({ ...dataSourceOptions(e2eStack().databaseUrl), extra: { max: 4 } });
  await ds.initialize();
  keys = new IdempotencyKeyRepository(ds);
});
afterAll(() => ds?.destroy());

const claimOf = () => ({
  key: `k-${randomUUID()}`,
  caller: 'u-1',
  scope: 'POST /api/contracts/c/requirements',
  bodySha256: 'a'.repeat(64),
});

describe('IdempotencyKeyRepository', () => {
  it('a release racing the creating COMMIT waits for it and leaves the key with its subject', async () => {
    const claim = claimOf();
    expect(await keys.claim(claim)).toBeNull();
    let released: Promise<void> | undefined;
    await ds.transaction(async (m) => {
      await keys.recordSubject(m, claim.key, 'REQ-2099-0001');
      // The caller gave up (503) and releases while this transaction has not committed yet.
      released = keys.release(claim.key);
      const raced = await Promise.race([
        released.then(() => 'released'),
        new Promise((r) => setTimeout(() => r('waiting'), 300)),
      ]);
      expect(raced).toBe('waiting');
    });
    await released;
    expect(await keys.claim(claim)).toMatchObject({
      statusCode: null,
      subjectId: 'REQ-2099-0001',
    });
  });

  it('an old claim that committed its subject is answered from it, never run again', async () => {
    const claim = claimOf();
    expect(await keys.claim(claim)).toBeNull();
    await ds.transaction((m) => keys.recordSubject(m, claim.key, 'REQ-2099-0004'));
    // Older than an abandoned claim: without its subject it would be taken over and run again.
    await ds.query(
      `UPDATE idempotency_key SET created_at = now() - interval '1 hour' WHERE key = $1`,
      [claim.key],
    );
    expect(await keys.claim(claim)).toMatchObject({ statusCode: null, subjectId: 'REQ-2099-0004' });
  });

  it('a release after a rolled-back creation frees the key for a new try', async () => {
    const claim = claimOf();
    expect(await keys.claim(claim)).toBeNull();
    await expect(
      ds.transaction(async (m) => {
        await keys.recordSubject(m, claim.key, 'REQ-2099-0002');
        throw new Error('the start was refused');
      }),
    ).rejects.toThrow('the start was refused');
    await keys.release(claim.key);
    expect(await keys.claim(claim)).toBeNull();
  });

  it('a completed key answers its stored answer, not its subject', async () => {
    const claim = claimOf();
    expect(await keys.claim(claim)).toBeNull();
    await ds.transaction((m) => keys.recordSubject(m, claim.key, 'REQ-2099-0003'));
    await keys.complete(claim.key, 201, { id: 'REQ-2099-0003' });
    await keys.release(claim.key);
    expect(await keys.claim(claim)).toMatchObject({
      statusCode: 201,
      response: { id: 'REQ-2099-0003' },
    });
  });
});
