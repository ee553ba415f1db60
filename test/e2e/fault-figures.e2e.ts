// A contract year's fault figures and its 故障台账 on the real stack: calls the vendor logs hours
// late are breached from their first clocks, others are handled in time; two late 一级 tickets
// bring the year to the major-breach warning, mailed to both parties once.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { api, createOtherContract, login, loginDemo, operator } from '../helpers/e2e-auth';
import { eventually, receivedMail, withDb } from '../helpers/e2e-stack';

interface Attainment {
  met: number;
  breached: number;
  running: number;
  rate: number | null;
}
interface LevelFigures {
  level: string;
  tickets: number;
  response: Attainment;
  recovery: Attainment;
  overruns: number;
  timeToRestore: { count: number; median: number | null; p90: number | null };
  majorBreach: { warning: boolean; breached: boolean } | null;
}
interface Figures {
  contractYear: number;
  levels: LevelFigures[];
  total: { tickets: number; overruns: number };
}

const MIN = 60_000;
/** A whole minute `minutes` ago, so covered minutes come out exact. */
const ago = (minutes: number) =>
  new Date(Math.floor(Date.now() / MIN) * MIN - minutes * MIN).toISOString();

const collect = (
  r: { on(event: string, listener: (chunk?: Buffer) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
) => {
  const parts: Buffer[] = [];
  r.on('data', (c) => parts.push(c!));
  r.on('end', () => cb(null, Buffer.concat(parts)));
};

describe('fault figures and the fault ledger', () => {
  let contractId: string;
  let staff: string;
  let pm: string;
  let dev: string;
  let manager: string;
  let managerEmail: string;
  const numbers: Record<string, string> = {};

  const report = async (key: string, level: string, minutesAgo: number | null) => {
    const body = {
      system: 'HIS',
      level,
      title: `故障 ${key}`,
      ...(minutesAgo === null ? {} : { reportedAt: ago(minutesAgo) }),
    };
    const res = await api()
      .post(`/api/contracts/${contractId}/fault-tickets`)
      .set('Authorization', minutesAgo === null ? staff : pm)
      .send(body)
      .expect(201);
    const t = res.body as { id: string; number: string };
    numbers[key] = t.number;
    return t.id;
  };
  const step = (id: string, action: string) =>
    api()
      .post(`/api/fault-tickets/${id}/actions/${action}`)
      .set('Authorization', dev)
      .send({})
      .expect(200);
  const figures = async (query = '') =>
    (
      await api()
        .get(`/api/contracts/${contractId}/fault-figures${query}`)
        .set('Authorization', manager)
        .expect(200)
    ).body as Figures;
  const level = (f: Figures, l: string) => f.levels.find((x) => x.level === l)!;

  beforeAll(async () => {
    const other = await createOtherContract();
    ({ contractId } = other);
    ({ hospital_staff: staff, vendor_pm: pm, vendor_dev: dev } = other.users);
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS'] })
      .expect(200);
    const contract = await api()
      .get(`/api/contracts/${contractId}`)
      .set('Authorization', operator());
    const hospital = (contract.body as { hospital: { id: string } }).hospital.id;
    managerEmail = `hospital_manager.${randomUUID().slice(0, 8)}@other.example`;
    const created = await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email: managerEmail,
        name: '院方负责人',
        organizationId: hospital,
        roles: ['hospital_manager'],
      })
      .expect(201);
    manager = await login(managerEmail, (created.body as { password: string }).password);

    // 一级, logged 3 hours late: response and recovery breached, then handled late.
    const a = await report('A', 'level_1', 180);
    await step(a, 'acknowledge');
    await step(a, 'restore');
    // 一级, logged late and left open: both clocks breached while running.
    await report('B', 'level_1', 179);
    // 一级 and 二级 reported now and handled at once (the 二级 one not yet restored).
    const c = await report('C', 'level_1', null);
    await step(c, 'acknowledge');
    await step(c, 'restore');
    const d = await report('D', 'level_2', null);
    await step(d, 'acknowledge');
    // 二级 logged an hour late: response breached, recovery met in 60 of its 120 minutes.
    const e = await report('E', 'level_2', 60);
    await step(e, 'acknowledge');
    await step(e, 'restore');
    // Every breach is recorded before the figures are read.
    await eventually(
      () =>
        withDb((db) =>
          db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM fault_ticket_breach WHERE contract_id = $1',
            [contractId],
          ),
        ),
      (r) => r.rows[0].n >= 5,
    );
  });

  it('gives each level its attainment, overruns, restore times and major-breach standing', async () => {
    const f = await figures();
    expect(f.contractYear).toBe(1);
    const l1 = level(f, 'level_1');
    expect(l1).toMatchObject({
      tickets: 3,
      response: { met: 1, breached: 2, running: 0 },
      recovery: { met: 1, breached: 2, running: 0 },
      overruns: 4,
      timeToRestore: { count: 2 },
      majorBreach: { warning: true, breached: false },
    });
    // Whole covered minutes: the steps may cross into the next minute.
    expect(l1.timeToRestore.median).toBeGreaterThanOrEqual(90);
    expect(l1.timeToRestore.median).toBeLessThanOrEqual(91);
    expect(l1.timeToRestore.p90).toBeGreaterThanOrEqual(180);
    expect(l1.timeToRestore.p90).toBeLessThanOrEqual(181);
    expect(l1.response.rate).toBeCloseTo(1 / 3, 12);
    expect(level(f, 'level_2')).toMatchObject({
      tickets: 2,
      response: { met: 1, breached: 1, running: 0, rate: 0.5 },
      recovery: { met: 1, breached: 0, running: 1, rate: 1 },
      overruns: 1,
      timeToRestore: { count: 1 },
      majorBreach: { warning: false, breached: false },
    });
    expect([60, 61]).toContain(level(f, 'level_2').timeToRestore.median);
    expect(level(f, 'level_3')).toMatchObject({
      tickets: 0,
      response: { rate: null },
      majorBreach: null,
    });
    expect(f.total).toMatchObject({ tickets: 5, overruns: 5 });
    expect(await figures('?year=1')).toEqual(f);
    await api()
      .get(`/api/contracts/${contractId}/fault-figures?year=2`)
      .set('Authorization', manager)
      .expect(400);
  });

  it('mails both parties once when the year reaches 4 一级 overruns, and not again after', async () => {
    const key = `${contractId}:1:level_1:fault-major-breach-warning`;
    const mail = await eventually(
      () => receivedMail(managerEmail),
      (m) => m.some((x) => x.subject.includes('重大违约')),
    );
    expect(mail.filter((x) => x.subject.includes('重大违约'))).toHaveLength(1);
    const warned = mail.find((x) => x.subject.includes('重大违约'))!;
    expect(warned.to.some((to) => to.startsWith('vendor_pm.'))).toBe(true);
    expect(warned.subject).toContain('一级故障已超时 4 次');
    // A fifth and sixth overrun: a major breach now, still one warning.
    await report('F', 'level_1', 120);
    const f = await eventually(
      () => figures(),
      (x) => level(x, 'level_1').overruns === 6,
    );
    expect(level(f, 'level_1').majorBreach).toEqual(
      expect.objectContaining({ warning: true, breached: true }),
    );
    const queued = await withDb((db) =>
      db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_mail WHERE message_key = $1', [
        key,
      ]),
    );
    expect(queued.rows[0].n).toBe(1);
  });

  it('writes the ledger with one row per ticket, oldest report first', async () => {
    const res = await api()
      .get(`/api/contracts/${contractId}/fault-ledger.xlsx`)
      .set('Authorization', pm)
      .buffer(true)
      .parse((r, cb) => collect(r, cb))
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('故障台账')!;
    const rows = sheet
      .getRows(1, sheet.rowCount)!
      .map((r) => Array.from((r.values as unknown[]).slice(1), (v) => v ?? ''));
    const [header, ...tickets] = rows;
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(0, 6)).toEqual([
      '工单编号',
      '系统',
      '故障级别',
      '故障现象',
      '报告时间',
      '状态',
    ]);
    expect(tickets.map((r) => r[0])).toEqual(['A', 'B', 'F', 'E', 'C', 'D'].map((k) => numbers[k]));
    const row = (k: string) => tickets.find((r) => r[0] === numbers[k])!;
    expect(row('A')[col('故障级别')]).toBe('一级');
    expect([row('A')[col('响应达标')], row('A')[col('恢复达标')]]).toEqual(['否', '否']);
    expect(row('A')[col('恢复超时（分钟）')]).toBeGreaterThanOrEqual(150);
    expect([row('C')[col('响应达标')], row('C')[col('恢复达标')]]).toEqual(['是', '是']);
    expect([row('B')[col('状态')], row('B')[col('响应达标')]]).toEqual(['待响应', '否']);
    expect(row('B')[col('响应到期时间')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row('D')[col('恢复达标')]).toBe('');
    expect(row('E')[col('故障级别')]).toBe('二级');
  });

  it('answers an outsider 404', async () => {
    const outsider = await loginDemo('hospital_staff');
    for (const path of ['fault-figures', 'fault-ledger.xlsx']) {
      await api()
        .get(`/api/contracts/${contractId}/${path}`)
        .set('Authorization', outsider)
        .expect(404);
    }
  });
});
