import { randomUUID } from 'node:crypto';
import { api, demoCredential, operator } from '../helpers/e2e-auth';
import { withDb } from '../helpers/e2e-stack';

const LOCK_AFTER = 8; // LOGIN_THROTTLE.lockAfterFailures
const tag = randomUUID().slice(0, 8);

async function attempt(email: string, password: string) {
  const started = Date.now();
  const res = await api().post('/api/auth/login').send({ email, password });
  return {
    status: res.status,
    error: res.body.error as Record<string, unknown>,
    ms: Date.now() - started,
  };
}

/** `LOCK_AFTER` wrong passwords in a row (a bounded loop); returns each answer. */
async function failRepeatedly(email: string) {
  const answers = [];
  for (let i = 0; i < LOCK_AFTER; i += 1) answers.push(await attempt(email, `wrong-${i}-password`));
  return answers;
}

describe('login throttle', () => {
  const email = `throttle.${tag}@hospital.example`;
  const password = `right-${tag}-password`;
  const nobody = `nobody.${tag}@nowhere.example`;
  // The first test leaves one failure on `nobody` (nothing clears it), so the lock test uses another.
  const nobody2 = `nobody2.${tag}@nowhere.example`;

  beforeAll(async () => {
    const contracts = await api()
      .get('/api/organizations')
      .set('Authorization', operator())
      .expect(200);
    const hospital = (contracts.body as Array<{ id: string; party: string }>).find(
      (o) => o.party === 'hospital',
    )!;
    await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email,
        name: '限流测试',
        organizationId: hospital.id,
        roles: ['hospital_staff'],
        password,
      })
      .expect(201);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const [known, unknown] = [
      await attempt(email, 'not-the-password'),
      await attempt(nobody, 'not-the-password'),
    ];
    expect(known.status).toBe(401);
    expect(unknown).toMatchObject({ status: known.status, error: known.error });
    // A success clears the counter, so the lock test below starts from zero for this email.
    expect((await attempt(email, password)).status).toBe(200);
  });

  it('slows repeated failures, then refuses even the right password with 429', async () => {
    const [known, unknown] = await Promise.all([failRepeatedly(email), failRepeatedly(nobody2)]);
    for (const answers of [known, unknown]) {
      expect(answers.map((a) => a.status)).toEqual(Array(LOCK_AFTER).fill(401));
      // From the fourth failure on, each answer waits (250 ms, 500 ms, 1 s, 2 s, 2 s).
      expect(answers[4].ms).toBeGreaterThanOrEqual(450);
      expect(answers[6].ms).toBeGreaterThanOrEqual(1900);
    }
    const locked = await attempt(email, password);
    expect(locked.status).toBe(429);
    expect(locked.error).toMatchObject({ code: 'rate_limited' });
    expect(locked.error.retryAfterSeconds).toBeGreaterThan(800);
    expect(locked.error.retryAfterSeconds).toBeLessThanOrEqual(900);
    const lockedNobody = await attempt(nobody2, 'whatever-password');
    expect(lockedNobody).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
  }, 60_000);

  it('throttles per email: other users still log in from the same address', async () => {
    const c = demoCredential('vendor_pm');
    expect((await attempt(c.email, c.password)).status).toBe(200);
  });

  it('keeps no email or address in clear in the throttle table', async () => {
    const rows = await withDb(
      async (db) => (await db.query<{ key: string }>('SELECT key FROM login_throttle')).rows,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('locks every spelling the user lookup accepts: İ (U+0130) folds as the database folds it', async () => {
    const ivan = `ivan.li.${tag}@hospital.example`;
    const ivanPassword = `ivan-${tag}-password`;
    const orgs = await api().get('/api/organizations').set('Authorization', operator()).expect(200);
    const hospital = (orgs.body as Array<{ id: string; party: string }>).find(
      (o) => o.party === 'hospital',
    )!;
    await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email: ivan,
        name: '李伊万',
        organizationId: hospital.id,
        roles: ['hospital_staff'],
        password: ivanPassword,
      })
      .expect(201);
    const dotted = ivan.replace(/i/g, '\u0130').toUpperCase();
    // The lookup finds the user under the dotted spelling (else this test would prove nothing).
    expect((await attempt(dotted, ivanPassword)).status).toBe(200);
    await failRepeatedly(ivan);
    expect((await attempt(ivan, ivanPassword)).status).toBe(429);
    expect(await attempt(dotted, ivanPassword)).toMatchObject({
      status: 429,
      error: { code: 'rate_limited' },
    });
  }, 60_000);
});
