import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';
import { withDb } from '../helpers/e2e-stack';

interface Quota {
  year: number;
  total: number;
  reserved: number;
  consumed: number;
  remaining: number;
  outsideQuota: number;
  entries: Array<{ requirementId: string; type: string; personDays: number }>;
}

const round = (n: number) => Math.round(n * 100) / 100;

describe('the interface quota (rule 2) under concurrent approvals', () => {
  let contractId: string;
  let staff: string;
  let manager: string;
  let pm: string;

  const quota = async (): Promise<Quota> =>
    (
      await api()
        .get(`/api/contracts/${contractId}/quota`)
        .set('Authorization', manager)
        .expect(200)
    ).body as Quota;

  /** Two interface requests assessed at `estimate` each, awaiting approval. */
  const twoAwaitingApproval = async (estimate: number): Promise<[string, string]> => {
    const ids: string[] = [];
    for (const title of ['检验危急值推送接口', '体检报告推送接口']) {
      const { id } = await submitRequirement(staff, contractId, { title, system: '集成平台' });
      await act(pm, id as string, 'assess', {
        ...assessment({ kind: 'interface_new', estimatePersonDays: estimate }),
      }).expect(200);
      ids.push(id as string);
    }
    return ids as [string, string];
  };

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, manager, pm] = await Promise.all([
      loginDemo('hospital_staff'),
      loginDemo('hospital_manager'),
      loginDemo('vendor_pm'),
    ]);
  });

  it('lets exactly one of two racing approvals reserve the last person-days', async () => {
    const before = await quota();
    expect(before.remaining).toBeGreaterThan(1);
    // Each estimate fits alone; both together overdraw by a hundredth.
    const estimate = round(Math.floor((before.remaining * 100) / 2 + 1) / 100);
    expect(estimate).toBeLessThanOrEqual(before.remaining);
    expect(round(2 * estimate)).toBeGreaterThan(before.remaining);
    const [a, b] = await twoAwaitingApproval(estimate);

    const answers = await Promise.all([
      act(manager, a, 'approve', {}),
      act(manager, b, 'approve', {}),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    const loser = refused === answers[0] ? a : b;
    const winner = loser === a ? b : a;
    expect(refused.body.error).toMatchObject({
      code: 'quota_exceeded',
      remaining: round(before.remaining - estimate),
      requested: estimate,
      currentStatus: 'awaiting_approval',
    });

    const after = await quota();
    expect(after.reserved).toBeCloseTo(before.reserved + estimate, 2);
    expect(after.remaining).toBeCloseTo(before.remaining - estimate, 2);
    expect(after.remaining).toBeGreaterThanOrEqual(0);
    expect(after.entries.filter((e) => e.requirementId === loser)).toEqual([]);
    // Never overdrawn, checked in the database too.
    await withDb(async (db) => {
      const { rows } = await db.query(
        `SELECT requirement_id, type, person_days::float AS pd FROM quota_entry
         WHERE requirement_id = ANY($1)`,
        [[a, b]],
      );
      expect(rows).toEqual([{ requirement_id: winner, type: 'reserve', pd: estimate }]);
    });
    const loserView = (
      await api().get(`/api/requirements/${loser}`).set('Authorization', manager).expect(200)
    ).body;
    expect(loserView).toMatchObject({ status: 'awaiting_approval', quotaReservedPersonDays: 0 });
    expect(loserView.allowedActions).toEqual(expect.arrayContaining(['approve', 'reject']));

    // The hospital may decide explicitly to pay it outside the free quota: recorded, not counted.
    const outside = await act(manager, loser, 'approve', { quotaDecision: 'outside_quota' }).expect(
      200,
    );
    expect(outside.body.approval).toMatchObject({ quotaDecision: 'outside_quota' });
    const decided = await quota();
    expect(decided.remaining).toBeCloseTo(after.remaining, 2);
    expect(decided.outsideQuota).toBeCloseTo(before.outsideQuota + estimate, 2);

    // Cancelling the winner releases its reservation.
    await act(manager, winner, 'cancel', { reason: '并入其他需求' }).expect(200);
    await act(manager, loser, 'cancel', { reason: '并入其他需求' }).expect(200);
    const released = await quota();
    expect(released.reserved).toBeCloseTo(before.reserved, 2);
    expect(released.remaining).toBeCloseTo(before.remaining, 2);
  }, 120_000);

  it('refuses an estimate beyond what remains, saying how much remains', async () => {
    const before = await quota();
    const { id } = await submitRequirement(staff, contractId, { system: '集成平台' });
    await act(pm, id as string, 'assess', {
      ...assessment({ kind: 'interface_new', estimatePersonDays: round(before.remaining + 1) }),
    }).expect(200);
    const res = await act(manager, id as string, 'approve', {}).expect(409);
    expect(res.body.error).toMatchObject({ code: 'quota_exceeded', remaining: before.remaining });
    expect((await quota()).remaining).toBeCloseTo(before.remaining, 2);
    // Rejecting it after the refusal leaves the quota as it was.
    await act(manager, id as string, 'reject', { reason: '超出额度，走变更流程' }).expect(200);
    expect((await quota()).reserved).toBeCloseTo(before.reserved, 2);
  });

  it('answers the quota of a given contract year and refuses a year the contract lacks', async () => {
    const first = await api()
      .get(`/api/contracts/${contractId}/quota`)
      .query({ year: 2 })
      .set('Authorization', pm)
      .expect(200);
    expect(first.body).toMatchObject({ year: 2, reserved: 0, consumed: 0 });
    expect(first.body.remaining).toBe(first.body.total);
    const res = await api()
      .get(`/api/contracts/${contractId}/quota`)
      .query({ year: 9 })
      .set('Authorization', pm)
      .expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'year' })]);
  });
});
