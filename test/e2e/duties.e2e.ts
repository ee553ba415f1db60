import { shanghaiDate } from '@luyue/domain';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { eventually, receivedMail, withDb } from '../helpers/e2e-stack';

interface Duty {
  id: string;
  number: string;
  status: string;
  dueDay: string;
  allowedActions: string[];
  signsAs: string[];
  links?: Array<{ itemKey: string; subjectType: string; subjectId: string }>;
  state: {
    record: {
      hash: string;
      reportFiles: Array<{ sha256: string; filename: string }>;
      answers: Array<{ files: unknown[] }>;
    } | null;
    signatures: Array<{ role: string; hash: string }>;
  };
}

const today = shanghaiDate(new Date());
const plan = (over: Record<string, unknown> = {}) => ({
  kind: 'inspection',
  title: '服务器与数据库巡检',
  systems: ['HIS'],
  cadence: { type: 'dates', dates: [today] },
  windowDays: 7,
  deadline: { workingDays: 3, time: null },
  checklist: [
    { key: 'cpu', text: 'CPU/内存/磁盘使用率', expected: '低于 80%' },
    { key: 'backup', text: '备份策略执行情况', expected: '全部成功' },
  ],
  signers: ['hospital_manager', 'hospital_staff'],
  ...over,
});

describe('scheduled duties on the real stack', () => {
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

  const createPlan = (auth: string, body: Record<string, unknown>) =>
    api().post(`/api/contracts/${contractId}/duty-plans`).set('Authorization', auth).send(body);
  const step = (auth: string, id: string, action: string, body: Record<string, unknown> = {}) =>
    api().post(`/api/duties/${id}/actions/${action}`).set('Authorization', auth).send(body);
  const record = (auth: string, id: string, answers: unknown[]) =>
    api()
      .post(`/api/duties/${id}/actions/record`)
      .set('Authorization', auth)
      .field('summary', '本月巡检完成')
      .field('answers', JSON.stringify(answers))
      .attach('files', Buffer.from('%PDF-1.4\n'), {
        filename: '巡检报告.pdf',
        contentType: 'application/pdf',
      });
  const onlyDutyOf = async (planId: string): Promise<Duty> => {
    const list = await api()
      .get(`/api/contracts/${contractId}/duties?planId=${planId}`)
      .set('Authorization', pm)
      .expect(200);
    expect(list.body.total).toBe(1);
    return (await api().get(`/api/duties/${list.body.items[0].id}`).set('Authorization', pm))
      .body as Duty;
  };

  it('refuses a plan from the vendor, and a wrong plan naming every field', async () => {
    await createPlan(pm, plan()).expect(403);
    const bad = await createPlan(
      manager,
      plan({ cadence: { type: 'monthly', day: 40 }, signers: ['vendor_pm'], systems: ['ERP'] }),
    ).expect(400);
    const fields = (bad.body.error.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['cadence.day', 'signers', 'systems']);
  });

  it('runs an inspection from plan to record, a fault ticket for its abnormal item and both signatures', async () => {
    const created = await createPlan(manager, plan()).expect(201);
    expect(created.body.generated).toBe(1);
    const duty = await onlyDutyOf(created.body.id);
    expect(duty.number).toMatch(/^RW-\d{4}-\d{5,}$/);
    expect(duty.status).toBe('open');
    // An abnormal item needs its note; every item needs an answer.
    const noNote = await record(dev, duty.id, [
      { key: 'cpu', result: 'abnormal', note: '' },
      { key: 'backup', result: 'normal' },
    ]).expect(400);
    expect(noNote.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'answers.cpu.note',
    ]);
    await record(staff, duty.id, []).expect(403);
    const recorded = (
      await record(dev, duty.id, [
        { key: 'cpu', result: 'abnormal', note: '数据库服务器磁盘使用率 93%' },
        { key: 'backup', result: 'normal' },
      ])
        .attach('files.cpu', Buffer.from('%PDF-1.4\n'), {
          filename: '磁盘监控.pdf',
          contentType: 'application/pdf',
        })
        .expect(200)
    ).body as Duty;
    expect(recorded.state.record!.reportFiles.map((f) => f.filename)).toEqual(['巡检报告.pdf']);
    expect(recorded.state.record!.answers.map((a) => a.files.length)).toEqual([1, 0]);
    expect(recorded.status).toBe('recorded');
    const hash = recorded.state.record!.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const opened = await api()
      .post(`/api/duties/${duty.id}/items/cpu/fault-ticket`)
      .set('Authorization', pm)
      .send({ level: 'level_3' })
      .expect(200);
    const ticketId = opened.body.ticket.id as string;
    const again = await api()
      .post(`/api/duties/${duty.id}/items/cpu/fault-ticket`)
      .set('Authorization', pm)
      .send({ level: 'level_3' })
      .expect(200);
    expect(again.body.linked.subjectId).toBe(ticketId);
    await api()
      .post(`/api/duties/${duty.id}/items/backup/fault-ticket`)
      .set('Authorization', pm)
      .send({ level: 'level_3' })
      .expect(400);
    await api().get(`/api/fault-tickets/${ticketId}`).set('Authorization', staff).expect(200);
    // The hospital may also submit a customization request for it; the vendor may not.
    const follow = (auth: string) =>
      api()
        .post(`/api/duties/${duty.id}/items/cpu/requirement`)
        .set('Authorization', auth)
        .send({});
    await follow(pm).expect(403);
    const request = await follow(manager).expect(200);
    expect(request.body.linked.subjectType).toBe('requirement');
    await api()
      .get(`/api/requirements/${request.body.requirement.id}`)
      .set('Authorization', pm)
      .expect(200);

    await step(manager, duty.id, 'sign', { hash: 'f'.repeat(64) }).expect(409);
    const first = (await step(manager, duty.id, 'sign', { hash }).expect(200)).body as Duty;
    expect([first.status, first.state.signatures.map((s) => s.role)]).toEqual([
      'recorded',
      ['hospital_manager'],
    ]);
    await step(manager, duty.id, 'sign', { hash }).expect(409);
    const done = (await step(staff, duty.id, 'sign', { hash, note: '确认' }).expect(200))
      .body as Duty;
    expect([done.status, done.allowedActions]).toEqual(['signed', []]);

    const view = (await api().get(`/api/duties/${duty.id}`).set('Authorization', staff))
      .body as Duty;
    expect(view.links?.map((l) => l.subjectType)).toEqual(['fault_ticket', 'requirement']);
    const rows = await withDb((db) =>
      db.query<{ action: string }>(
        `SELECT action FROM duty_occurrence_transition WHERE occurrence_id = $1 ORDER BY seq`,
        [duty.id],
      ),
    );
    expect(rows.rows.map((r) => r.action)).toEqual(['record', 'sign', 'sign']);
    const told = await eventually(
      () => receivedMail('hospital.staff@demo.luyue.local'),
      (mail) => mail.some((m) => m.subject.includes(duty.number)),
    );
    expect(told.some((m) => m.subject.includes(duty.number))).toBe(true);
  });

  it('sends a refused record back to the vendor, whose new record needs every signature again', async () => {
    const created = await createPlan(manager, plan({ title: '备份检查', kind: 'backup_check' }));
    const duty = await onlyDutyOf(created.body.id);
    const answers = [
      { key: 'cpu', result: 'normal' },
      { key: 'backup', result: 'normal' },
    ];
    const { hash } = ((await record(dev, duty.id, answers).expect(200)).body as Duty).state.record!;
    await step(manager, duty.id, 'sign', { hash }).expect(200);
    await step(pm, duty.id, 'refuse', { reason: 'x' }).expect(403);
    const back = (await step(staff, duty.id, 'refuse', { reason: '缺少恢复验证' }).expect(200))
      .body as Duty;
    expect([back.status, back.state.signatures]).toEqual(['returned', []]);
    await step(manager, duty.id, 'sign', { hash }).expect(409);
    await record(dev, duty.id, answers).expect(200);
  });

  it('generates the next contract year of a weekly report once, and stops a plan', async () => {
    const created = await createPlan(
      manager,
      plan({
        kind: 'report',
        title: '运维周报',
        cadence: { type: 'weekly', weekday: 5 },
        windowDays: null,
        deadline: { workingDays: 0, time: '12:00' },
        checklist: [],
        signers: ['hospital_manager'],
      }),
    ).expect(201);
    const generate = () =>
      api()
        .post(`/api/contracts/${contractId}/duties/generate`)
        .set('Authorization', manager)
        .send({ year: 2 });
    const first = await generate().expect(200);
    expect(first.body.generated).toBeGreaterThanOrEqual(52);
    expect((await generate().expect(200)).body.generated).toBe(0);
    await api()
      .post(`/api/contracts/${contractId}/duties/generate`)
      .set('Authorization', manager)
      .send({ year: 99 })
      .expect(400);
    await api()
      .post(`/api/duty-plans/${created.body.id}/stop`)
      .set('Authorization', pm)
      .send({ reason: '无权' })
      .expect(403);
    const read = await api().get(`/api/duty-plans/${created.body.id}`).set('Authorization', staff);
    expect(read.status).toBe(200);
    expect(read.body.plan.cadence).toEqual({ type: 'weekly', weekday: 5 });
    const stopped = await api()
      .post(`/api/duty-plans/${created.body.id}/stop`)
      .set('Authorization', manager)
      .send({ reason: '合同变更，周报改为月报' })
      .expect(200);
    expect(stopped.body.active).toBe(false);
    expect(stopped.body.cancelled).toBeGreaterThanOrEqual(52);
  });

  it('counts only signed duties as done in the figures', async () => {
    const figures = await api()
      .get(`/api/contracts/${contractId}/duty-figures?year=1`)
      .set('Authorization', manager)
      .expect(200);
    const inspection = figures.body.kinds.find((k: { kind: string }) => k.kind === 'inspection');
    expect(inspection.done).toBeGreaterThanOrEqual(1);
    expect(figures.body.total.done).toBeLessThanOrEqual(figures.body.total.due);
  });
});
