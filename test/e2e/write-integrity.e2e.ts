import { resolve } from 'node:path';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { proposeChange } from '../helpers/e2e-changes';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';
import { importReport, issueNotice, SAMPLES } from '../helpers/e2e-security';
import { eventually, withDb } from '../helpers/e2e-stack';

const POISON = 'POISON-WRITE';
const TABLES = ['requirement_transition', 'change_request_transition', 'security_task_transition'];

/**
 * A write the database refuses for good, whatever the boundary let through: a trigger raises
 * 22P05 (the error a NUL in text gives) for any transition whose payload carries the marker.
 */
async function refuseMarkedWrites(on: boolean): Promise<void> {
  await withDb(async (db) => {
    if (on) {
      await db.query(`CREATE OR REPLACE FUNCTION test_refuse_poison() RETURNS trigger AS $$
        BEGIN
          IF NEW.payload::text LIKE '%${POISON}%' THEN
            RAISE EXCEPTION 'injected data error' USING ERRCODE = '22P05';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
    }
    for (const table of TABLES) {
      await db.query(`DROP TRIGGER IF EXISTS test_refuse_poison ON ${table}`);
      if (on) {
        await db.query(`CREATE TRIGGER test_refuse_poison BEFORE INSERT ON ${table}
          FOR EACH ROW EXECUTE FUNCTION test_refuse_poison()`);
      }
    }
    if (!on) await db.query('DROP FUNCTION IF EXISTS test_refuse_poison()');
  });
}

const transitions = (table: string, column: string, id: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
          [id],
        )
      ).rows[0].n,
  );

describe('a write the database refuses is refused once, and the item goes on', () => {
  let contractId: string;
  let manager: string;
  let staff: string;
  let pm: string;
  let dev: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [manager, staff, pm, dev] = await Promise.all([
      loginDemo('hospital_manager'),
      loginDemo('hospital_staff'),
      loginDemo('vendor_pm'),
      loginDemo('vendor_dev'),
    ]);
    await refuseMarkedWrites(true);
  });

  afterAll(async () => {
    await refuseMarkedWrites(false);
  });

  it('requirement: the refused assessment answers 422 at once, a clean one is applied next', async () => {
    const r = await submitRequirement(staff, contractId);
    const before = await transitions('requirement_transition', 'requirement_id', r.id as string);
    const refused = await act(pm, r.id as string, 'assess', assessment({ solution: POISON }));
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'write_refused']);
    expect(await transitions('requirement_transition', 'requirement_id', r.id as string)).toBe(
      before,
    );
    const assessed = await act(pm, r.id as string, 'assess', assessment()).expect(200);
    expect(assessed.body.status).toBe('awaiting_approval');
    await act(manager, r.id as string, 'cancel', { reason: '不再需要' }).expect(200);
  });

  it('change request: the refused reply answers 422, the same party replies next', async () => {
    const c = await proposeChange(pm, contractId);
    const reply = (comment: string) =>
      api()
        .post(`/api/change-requests/${c.id}/replies`)
        .set('Authorization', manager)
        .send({ decision: 'disagree', comment });
    const refused = await reply(POISON);
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'write_refused']);
    const replied = await reply('影响门诊收费流程，不同意').expect(200);
    expect(replied.body.status).toBe('rejected');
  });

  it('security task: the refused start answers 422, the vendor starts it next', async () => {
    const noticeId = await issueNotice(manager, contractId);
    const imported = await importReport(
      manager,
      noticeId,
      resolve(SAMPLES, 'openvasreporting/airplay.xml'),
    );
    expect(imported.status).toBe('done');
    const list = await api()
      .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=1`)
      .set('Authorization', pm)
      .expect(200);
    const taskId = (list.body as { items: Array<{ id: string }> }).items[0].id;
    // The task takes steps once its workflow has recorded the issue.
    await eventually(
      async () =>
        (await api().get(`/api/security-tasks/${taskId}/remediation`).set('Authorization', dev))
          .body as { allowedActions?: string[] },
      (view) => view.allowedActions?.includes('start') ?? false,
    );
    const start = (note: string) =>
      api()
        .post(`/api/security-tasks/${taskId}/actions/start`)
        .set('Authorization', dev)
        .send({ note });
    const refused = await start(POISON);
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'write_refused']);
    await start('开始整改').expect(200);
  });
});

describe('racing decisions: the answered one is the recorded one', () => {
  const TRIALS = 25;
  const EACH = 15;

  it(`${TRIALS} times ${EACH} approvals against ${EACH} rejections: what was answered 200 is recorded once, in order, no 5xx`, async () => {
    const contractId = await demoContractId();
    const [manager, staff, pm] = await Promise.all([
      loginDemo('hospital_manager'),
      loginDemo('hospital_staff'),
      loginDemo('vendor_pm'),
    ]);
    const tally: Record<number, number> = {};
    const outcomes: Record<string, number> = {};
    for (let trial = 0; trial < TRIALS; trial++) {
      const r = await submitRequirement(staff, contractId);
      const id = r.id as string;
      await act(pm, id, 'assess', assessment({ kind: 'customization' })).expect(200);
      const calls = Array.from({ length: 2 * EACH }, (_, i) =>
        i % 2 === 0
          ? act(manager, id, 'approve', {}).then((res) => ['approve', res.status] as const)
          : act(manager, id, 'reject', { reason: '不在本期范围' }).then(
              (res) => ['reject', res.status] as const,
            ),
      );
      const answers = await Promise.all(calls);
      // Reject is allowed after an approval too: at most approve then reject, never two of one.
      const won = answers.filter(([, status]) => status === 200).map(([action]) => action);
      expect({ trial, won: [...new Set(won)].length }).toEqual({ trial, won: won.length });
      expect(answers.filter(([, status]) => ![200, 409].includes(status))).toEqual([]);
      const recorded = await withDb(async (db) => ({
        transitions: (
          await db.query<{ seq: number; action: string }>(
            `SELECT seq, action FROM requirement_transition WHERE requirement_id = $1 ORDER BY seq`,
            [id],
          )
        ).rows.map((t) => [t.seq, t.action]),
        audit: (
          await db.query<{ action: string }>(
            `SELECT action FROM audit_event WHERE subject_type = 'requirement' AND subject_id = $1
               AND action IN ('requirement.approve', 'requirement.reject') ORDER BY id`,
            [id],
          )
        ).rows.map((a) => a.action),
      }));
      const decided = won.length === 2 ? ['approve', 'reject'] : won;
      expect(recorded).toEqual({
        transitions: [
          [1, 'assessment_scheduled'],
          [2, 'assess'],
          ...decided.map((action, i) => [3 + i, action]),
        ],
        audit: decided.map((action) => `requirement.${action}`),
      });
      const final = await api().get(`/api/requirements/${id}`).set('Authorization', manager);
      expect(final.body.status).toBe(decided.at(-1) === 'approve' ? 'approved' : 'rejected');
      for (const [, status] of answers) tally[status] = (tally[status] ?? 0) + 1;
      outcomes[decided.join('+')] = (outcomes[decided.join('+')] ?? 0) + 1;
    }
    console.log(
      `racing decisions, ${TRIALS} trials: answers ${JSON.stringify(tally)}, recorded ${JSON.stringify(outcomes)}`,
    );
  }, 600_000);
});
