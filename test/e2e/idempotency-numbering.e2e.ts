import { Client, Connection } from '@temporalio/client';
import { formatRequirementId } from '@luyue/requirement/definitions';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import {
  act,
  assessment,
  daysFromToday,
  getRequirement,
  submitRequirement,
} from '../helpers/e2e-requirements';
import { e2eStack, withDb } from '../helpers/e2e-stack';

/** The number the demo contract's next request would get (its year label's counter + 1). */
async function nextNumber(id: string): Promise<string> {
  const label = Number(id.slice(4, 8));
  const last = await withDb(async (db) => {
    const rows = await db.query<{ last_sequence: number }>(
      'SELECT last_sequence FROM requirement_counter WHERE year = $1',
      [label],
    );
    return rows.rows[0].last_sequence;
  });
  return formatRequirementId(label, last + 1);
}

const submission = (title: string) => ({
  title,
  description: '住院医嘱闭环',
  system: 'HIS',
  priority: 'normal',
});

describe('Idempotency-Key and request numbers', () => {
  let contractId: string;
  let staff: string;
  let pm: string;
  let dev: string;
  let manager: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, pm, dev, manager] = await Promise.all(
      (['hospital_staff', 'vendor_pm', 'vendor_dev', 'hospital_manager'] as const).map(loginDemo),
    );
  });

  it('binds a key to its caller and body: another caller 409, another body 422, nothing recorded', async () => {
    const r = await submitRequirement(staff, contractId);
    await act(pm, r.id, 'assess', assessment()).expect(200);
    await act(manager, r.id, 'approve', {}).expect(200);
    await act(dev, r.id, 'start-development', {}).expect(200);
    const key = `effort-${r.id}`;
    const effort = { date: daysFromToday(0), personDays: 1, note: '接口' };
    const first = await act(pm, r.id, 'log-effort', effort).set('Idempotency-Key', key).expect(200);

    const again = await act(pm, r.id, 'log-effort', effort).set('Idempotency-Key', key).expect(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const otherCaller = await act(dev, r.id, 'log-effort', { ...effort, personDays: 4 })
      .set('Idempotency-Key', key)
      .expect(409);
    expect(otherCaller.body.error).toMatchObject({ code: 'conflict', idempotencyKey: key });
    const otherBody = await act(pm, r.id, 'log-effort', { ...effort, personDays: 4 })
      .set('Idempotency-Key', key)
      .expect(422);
    expect(otherBody.body.error).toMatchObject({ code: 'idempotency_mismatch' });

    const now = (await getRequirement(pm, r.id).expect(200)).body;
    expect(now.loggedPersonDays).toBe(1);
    expect(now.workLog).toHaveLength(1);
  });

  it('a submission with a key runs once and answers the same request again', async () => {
    const key = `submit-${Date.now()}`;
    const body = submission(`幂等提交 ${Date.now()}`);
    const post = () =>
      api()
        .post(`/api/contracts/${contractId}/requirements`)
        .set('Authorization', staff)
        .set('Idempotency-Key', key)
        .send(body);
    const first = await post().expect(201);
    expect(first.body.assessmentDueAt).toEqual(expect.any(String));
    const second = await post().expect(201);
    expect(second.body.id).toBe(first.body.id);
    const rows = await withDb((db) =>
      db.query('SELECT id FROM requirement WHERE title = $1', [body.title]),
    );
    expect(rows.rows).toHaveLength(1);
  });

  it('a keyed creation whose answer was lost answers with what it made, not a second one', async () => {
    // What a COMMIT that landed after its 503 leaves: the key holds its subject but no answer
    // (the release that followed the 503 waited for that COMMIT and then kept the key).
    const loseAnswer = (key: string) =>
      withDb((db) =>
        db.query(
          `UPDATE idempotency_key SET status_code = NULL, response = NULL, completed_at = NULL
           WHERE key = $1 AND subject_id IS NOT NULL`,
          [key],
        ),
      );
    const cases = [
      {
        path: `/api/contracts/${contractId}/requirements`,
        auth: staff,
        body: submission(`答复丢失的提交 ${Date.now()}`),
        rows: (title: string) =>
          withDb((db) => db.query('SELECT id FROM requirement WHERE title = $1', [title])),
      },
      {
        path: `/api/contracts/${contractId}/change-requests`,
        auth: manager,
        body: {
          title: `答复丢失的变更 ${Date.now()}`,
          description: '门诊自助机增加医保电子凭证支付',
          changeType: 'add',
          impact: { scope: '门诊自助机', schedule: '不影响', cost: '不增加费用' },
        },
        rows: (title: string) =>
          withDb((db) => db.query('SELECT id FROM change_request WHERE title = $1', [title])),
      },
    ];
    for (const c of cases) {
      const key = `lost-${Date.now()}-${c.path.length}`;
      const post = () =>
        api().post(c.path).set('Authorization', c.auth).set('Idempotency-Key', key).send(c.body);
      const first = await post().expect(201);
      expect((await loseAnswer(key)).rowCount).toBe(1);
      const retried = await post().expect(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(retried.body).toMatchObject({ id: first.body.id, title: c.body.title });
      expect((await c.rows(c.body.title)).rows).toEqual([{ id: first.body.id }]);
      // The retry's answer is the key's answer from now on.
      const third = await post().expect(201);
      expect(third.headers['idempotent-replayed']).toBe('true');
      expect(third.body.id).toBe(first.body.id);
    }
  });

  it("a workflow left by a rolled-back submission gives way to the number's owner", async () => {
    const before = await submitRequirement(staff, contractId);
    const taken = await nextNumber(before.id);
    // A start that reached Temporal after its deadline, its transaction rolled back: a running
    // workflow holds the next number but has no row (and here no worker either).
    const connection = await Connection.connect({ address: e2eStack().temporalAddress });
    const client = new Client({ connection });
    try {
      const orphan = await client.workflow.start('nobodyRunsThis', {
        taskQueue: `nobody-${Date.now()}`,
        workflowId: taken,
      });
      const after = await submitRequirement(staff, contractId);
      // The ledger has no gap and the number is not stuck behind the orphan.
      expect(after.id).toBe(taken);
      const orphanRun = client.workflow.getHandle(taken, orphan.firstExecutionRunId);
      expect((await orphanRun.describe()).status.name).toBe('TERMINATED');
      const current = await client.workflow.getHandle(taken).describe();
      expect(current).toMatchObject({
        type: 'customizationRequestWorkflow',
        status: { name: 'RUNNING' },
      });
      await getRequirement(staff, taken).expect(200);
    } finally {
      await connection.close();
    }
  });
});
