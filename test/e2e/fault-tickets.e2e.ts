import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { withDb } from '../helpers/e2e-stack';

interface Clock {
  kind: string;
  dueAt: string | null;
  since: string | null;
  met: boolean | null;
  budgetMinutes: number;
  extensions: Array<{ minutes: number }>;
}
interface Ticket {
  id: string;
  number: string;
  status: string;
  level: string;
  allowedActions: string[];
  state: {
    clocks: Clock[];
    pause: { since: string | null } | null;
    reportFiles: Array<{ sha256: string }>;
  };
}

const MIN = 60_000;
const clock = (t: Ticket, kind: string) => t.state.clocks.find((c) => c.kind === kind)!;

describe('fault tickets on the real stack', () => {
  let contractId: string;
  let staff: string;
  let manager: string;
  let pm: string;
  let dev: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, manager, pm, dev] = await Promise.all(
      (['hospital_staff', 'hospital_manager', 'vendor_pm', 'vendor_dev'] as const).map(loginDemo),
    );
  });

  const report = (auth: string, body: Record<string, unknown>) =>
    api().post(`/api/contracts/${contractId}/fault-tickets`).set('Authorization', auth).send(body);
  const step = (auth: string, id: string, action: string, body: Record<string, unknown> = {}) =>
    api().post(`/api/fault-tickets/${id}/actions/${action}`).set('Authorization', auth).send(body);

  it('runs a 二级 ticket from report to the signed service report, with its clocks recorded', async () => {
    const reported = await report(staff, {
      system: 'HIS',
      level: 'level_2',
      title: '门诊挂号无法打印',
    }).expect(201);
    const t = reported.body as Ticket;
    expect(t.number).toMatch(/^GZ-\d{4}-\d{4,}$/);
    const response = clock(t, 'response');
    expect(Date.parse(response.dueAt!) - Date.parse(clock(t, 'recovery').dueAt!)).toBe(-90 * MIN);
    // The vendor may not sign; the hospital may not acknowledge.
    await step(pm, t.id, 'sign').expect(403);
    await step(staff, t.id, 'acknowledge').expect(403);
    const acked = (await step(dev, t.id, 'acknowledge', { note: '已电话联系' }).expect(200))
      .body as Ticket;
    expect([acked.status, clock(acked, 'response').met]).toEqual(['acknowledged', true]);
    await step(pm, t.id, 'submit-report').expect(409);
    await step(dev, t.id, 'restore', { note: '已切换备机' }).expect(200);
    await step(pm, t.id, 'resolve', { cause: '', solution: '回退驱动' }).expect(400);
    await step(pm, t.id, 'resolve', { cause: '驱动不兼容', solution: '回退驱动' }).expect(200);
    const submitted = (
      await api()
        .post(`/api/fault-tickets/${t.id}/actions/submit-report`)
        .set('Authorization', pm)
        .field('note', '故障处理报告')
        .attach('files', Buffer.from('%PDF-1.4\n'), {
          filename: '故障处理报告.pdf',
          contentType: 'application/pdf',
        })
        .expect(200)
    ).body as Ticket;
    expect([
      submitted.status,
      clock(submitted, 'report').met,
      submitted.state.reportFiles.length,
    ]).toEqual(['report_submitted', true, 1]);
    const closed = (await step(manager, t.id, 'sign', { note: '确认' }).expect(200)).body as Ticket;
    expect([closed.status, closed.allowedActions]).toEqual(['closed', []]);
    const rows = await withDb((db) =>
      db.query<{ action: string }>(
        `SELECT action FROM fault_ticket_transition WHERE ticket_id = $1 ORDER BY seq`,
        [t.id],
      ),
    );
    expect(rows.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'reported',
        'acknowledge',
        'restore',
        'resolve',
        'submit-report',
        'sign',
      ]),
    );
    const mails = await withDb((db) =>
      db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_mail WHERE message_key LIKE $1`,
        [`${t.id}:%`],
      ),
    );
    expect(mails.rows[0].n).toBeGreaterThan(0);
  });

  it('pauses only with the hospital, records an agreed extension, and keeps time on a level change', async () => {
    const t = (
      await report(manager, { system: 'HIS', level: 'level_3', title: '检验系统接口中断' }).expect(
        201,
      )
    ).body as Ticket;
    await step(dev, t.id, 'acknowledge').expect(200);
    const asked = (
      await step(pm, t.id, 'pause', {
        reason: 'waiting_hospital',
        note: '等待院方停机窗口',
      }).expect(200)
    ).body as Ticket;
    expect(asked.state.pause?.since).toBeNull();
    await step(pm, t.id, 'pause', { reason: 'waiting_hospital', note: '再次申请' }).expect(409);
    const paused = (await step(manager, t.id, 'confirm-pause').expect(200)).body as Ticket;
    expect([clock(paused, 'recovery').since, clock(paused, 'recovery').dueAt]).toEqual([
      null,
      null,
    ]);
    await step(dev, t.id, 'resume').expect(200);
    await step(pm, t.id, 'request-extension', {
      clock: 'recovery',
      minutes: 60,
      reason: '等待备件',
    }).expect(200);
    await step(staff, t.id, 'grant-extension').expect(403);
    const granted = (await step(manager, t.id, 'grant-extension').expect(200)).body as Ticket;
    expect([
      clock(granted, 'recovery').budgetMinutes,
      clock(granted, 'recovery').extensions.length,
    ]).toEqual([300, 1]);
    const raised = (
      await step(staff, t.id, 'confirm-level', { level: 'level_2', note: '' }).expect(200)
    ).body as Ticket;
    expect([raised.level, clock(raised, 'recovery').budgetMinutes]).toEqual(['level_2', 180]);
  });

  it('refuses a report in the future or for a system the contract does not maintain, naming the field', async () => {
    const future = await report(pm, {
      system: 'HIS',
      level: 'level_1',
      title: '未来',
      reportedAt: new Date(Date.now() + 3_600_000).toISOString(),
    }).expect(400);
    expect(future.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['reportedAt']);
    const system = await report(staff, {
      system: '不存在的系统',
      level: 'level_1',
      title: '无',
    }).expect(400);
    expect(system.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['system']);
  });

  it('keeps one SLA policy version per edit; tickets keep the version they were reported under', async () => {
    const before = await api()
      .get(`/api/contracts/${contractId}/sla-policy`)
      .set('Authorization', manager)
      .expect(200);
    const policy = before.body.policy;
    policy.levels.level_1.response.budget = { minutes: 15 };
    await api()
      .put(`/api/contracts/${contractId}/sla-policy`)
      .set('Authorization', pm)
      .send(policy)
      .expect(403);
    const saved = await api()
      .put(`/api/contracts/${contractId}/sla-policy`)
      .set('Authorization', manager)
      .send(policy)
      .expect(200);
    expect(saved.body.version).toBeGreaterThanOrEqual(1);
    const bad = structuredClone(policy);
    bad.levels.level_1.recovery.coverage = 'nowhere';
    const refused = await api()
      .put(`/api/contracts/${contractId}/sla-policy`)
      .set('Authorization', manager)
      .send(bad)
      .expect(400);
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'levels.level_1.recovery.coverage',
    ]);
    const t = (
      await report(staff, { system: 'HIS', level: 'level_1', title: '全院网络中断' }).expect(201)
    ).body as Ticket;
    expect(clock(t, 'response').budgetMinutes).toBe(15);
    // The workflow's first write stored the row; the answer came from that write's state.
    const row = await withDb((db) =>
      db.query<{ policy_version: number }>(
        `SELECT policy_version FROM fault_ticket WHERE id = $1`,
        [t.id],
      ),
    );
    expect(row.rows[0].policy_version).toBe(saved.body.version);
  });
});
