import { Client, Connection } from '@temporalio/client';
import {
  api,
  createOtherContract,
  demoContractId,
  demoCredential,
  loginDemo,
} from '../helpers/e2e-auth';
import {
  act,
  assessment,
  getRequirement,
  mailAbout,
  mailCount,
  submitRequirement,
} from '../helpers/e2e-requirements';
import { e2eStack, withDb } from '../helpers/e2e-stack';

/** Waits (bounded) until the request's workflow has ended. */
async function workflowFinished(id: string): Promise<void> {
  const connection = await Connection.connect({ address: e2eStack().temporalAddress });
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = new Client({ connection }).workflow.getHandle(id).result();
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${id} still runs`)), 15_000);
    });
    await Promise.race([result, timeout]);
  } finally {
    clearTimeout(timer);
    await connection.close();
  }
}

/** What a refused action must leave untouched: the row, its transitions and audit events. */
async function footprint(id: string) {
  return withDb(async (db) => {
    const row = await db.query('SELECT status, state, updated_at FROM requirement WHERE id = $1', [
      id,
    ]);
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE subject_type = 'requirement' AND subject_id = $1`,
      [id],
    );
    return { row: row.rows[0], audit: audit.rows[0].n as number, mails: await mailCount(id) };
  });
}

describe('requirement actions that are refused change nothing', () => {
  let contractId: string;
  let staff: string;
  let manager: string;
  let pm: string;
  let dev: string;
  let id: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, manager, pm, dev] = await Promise.all([
      loginDemo('hospital_staff'),
      loginDemo('hospital_manager'),
      loginDemo('vendor_pm'),
      loginDemo('vendor_dev'),
    ]);
    id = (await submitRequirement(staff, contractId)).id as string;
    // The submission's own mail is sent asynchronously: let it land before counting.
    await mailAbout(demoCredential('vendor_pm').email, id, '请在期限内完成技术评估');
  });

  it('answers a wrong state with 409 naming the current status and the allowed actions', async () => {
    const before = await footprint(id);
    const res = await act(dev, id, 'start-development', {}).expect(409);
    expect(res.body.error).toMatchObject({
      code: 'invalid_state',
      action: 'start-development',
      currentStatus: 'assessing',
      allowedActions: ['assess', 'cancel'],
    });
    const accept = await act(manager, id, 'accept', { note: '' }).expect(409);
    expect(accept.body.error).toMatchObject({ currentStatus: 'assessing' });
    expect(await footprint(id)).toEqual(before);
  });

  it('answers a wrong role with 403, whether the guard or the workflow refuses', async () => {
    const before = await footprint(id);
    // The route's roles (the guard): hospital staff may not assess, the vendor may not cancel.
    await act(staff, id, 'assess', assessment()).expect(403);
    const cancel = await act(pm, id, 'cancel', { reason: '不做了' }).expect(403);
    expect(cancel.body.error.code).toBe('forbidden');
    // The admin holds no party role in the contract; reading is fine, acting is not.
    const admin = await loginDemo('admin');
    await getRequirement(admin, id).expect(200);
    await act(admin, id, 'cancel', { reason: 'x' }).expect(403);
    expect(await footprint(id)).toEqual(before);
  });

  it('validates each action payload, naming the field, before anything runs', async () => {
    const before = await footprint(id);
    const noAlternative = await act(
      pm,
      id,
      'assess',
      assessment({ feasibility: 'core_rewrite' }),
    ).expect(400);
    expect(noAlternative.body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'alternativeSolution' })]),
    );
    const past = await act(
      pm,
      id,
      'assess',
      assessment({ plannedDeliveryDate: '2020-01-01' }),
    ).expect(400);
    // The workflow's own check (its clock), in the same envelope as the DTO's.
    expect(past.body.error.fields).toEqual([
      { field: 'plannedDeliveryDate', message: 'plannedDeliveryDate must not be in the past' },
    ]);
    const extra = await act(pm, id, 'assess', { ...assessment(), price: 1 }).expect(400);
    expect(extra.body.error.message).toMatch(/price/);
    await act(pm, id, 'assess', assessment({ estimatePersonDays: 1.234 })).expect(400);
    expect(await footprint(id)).toEqual(before);
  });

  it('answers 404 for an unknown action or request number', async () => {
    await api()
      .post(`/api/requirements/${id}/actions/approve-everything`)
      .set('Authorization', manager)
      .send({})
      .expect(404);
    await getRequirement(staff, 'REQ-2026-9999').expect(404);
    await getRequirement(staff, 'not-a-number').expect(404);
    await act(pm, 'REQ-2026-9998', 'assess', assessment()).expect(404);
  });

  it('refuses submissions from the vendor and for systems the contract does not maintain', async () => {
    await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', pm)
      .send({ title: 't', description: 'd', system: 'HIS' })
      .expect(403);
    const res = await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', staff)
      .send({ title: 't', description: 'd', system: '财务系统' })
      .expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'system' })]);
  });

  it('answers 409 with the final status once the request is closed', async () => {
    const other = (await submitRequirement(staff, contractId)).id as string;
    const cancelled = await act(manager, other, 'cancel', { reason: '需求已合并' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    await mailAbout(demoCredential('vendor_pm').email, other, '需求已取消');
    await workflowFinished(other);
    const before = await footprint(other);
    // The workflow has ended: the answer comes from the row's final status.
    const res = await act(pm, other, 'assess', assessment()).expect(409);
    expect(res.body.error).toMatchObject({
      code: 'invalid_state',
      currentStatus: 'cancelled',
      allowedActions: [],
    });
    await act(manager, other, 'cancel', { reason: '再次取消' }).expect(409);
    expect(await footprint(other)).toEqual(before);
    await api()
      .get(`/api/requirements/${other}/acceptance`)
      .set('Authorization', manager)
      .expect(409);
  });

  it("hides a contract's requests from outsiders (404 everywhere)", async () => {
    const outsider = await createOtherContract();
    const vendorPm = outsider.users.vendor_pm;
    const before = await footprint(id);
    await getRequirement(vendorPm, id).expect(404);
    const acting = await act(vendorPm, id, 'assess', assessment()).expect(404);
    expect(JSON.stringify(acting.body)).not.toMatch(/assessing/);
    for (const path of [
      `/api/contracts/${contractId}/requirements`,
      `/api/contracts/${contractId}/requirements/stats`,
      `/api/contracts/${contractId}/requirements/ledger.xlsx`,
      `/api/contracts/${contractId}/quota`,
      `/api/requirements/${id}/acceptance`,
      `/requirements/${id}`,
    ]) {
      const res = await api().get(path).set('Authorization', vendorPm);
      expect(`${path} → ${res.status}`).toBe(`${path} → 404`);
    }
    await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', outsider.users.hospital_staff)
      .send({ title: 't', description: 'd', system: 'HIS' })
      .expect(404);
    expect(await footprint(id)).toEqual(before);
    // And the other contract's own lists do not show the demo's requests.
    const own = await api()
      .get(`/api/contracts/${outsider.contractId}/requirements`)
      .set('Authorization', vendorPm)
      .expect(200);
    expect(own.body).toMatchObject({ items: [], total: 0 });
  });
});
