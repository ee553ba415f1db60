// Security findings import on the real stack: real scanner exports from ../shared/scan-samples
// (read in place) go through the api's upload, the worker's workflow and PostgreSQL.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { api, createOtherContract, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { Client, Connection } from '@temporalio/client';
import { e2eStack, eventually, withDb } from '../helpers/e2e-stack';
import { importEnded } from '../helpers/e2e-security';

const SAMPLES = resolve(__dirname, '../../..', 'shared', 'scan-samples');
const sample = (file: string) => resolve(SAMPLES, file);

interface ImportBody {
  importId: string;
  status: string;
  progress: { itemsRead: number; percent: number };
  summary: {
    findings: number;
    created: number;
    merged: number;
    reopened: number;
    closed: number;
    tasksCreated: number;
    compliant: number;
    refused?: { reason: string; message: string; line?: number; row?: number };
  } | null;
}

let contractId: string;
let manager: string;
let vendor: string;

async function issueNotice(source = 'vuln_scan', title = '漏洞扫描整改'): Promise<string> {
  const res = await api()
    .post(`/api/contracts/${contractId}/security-notices`)
    .set('Authorization', manager)
    .send({
      number: `AQZG-${randomUUID().slice(0, 8)}`,
      issuedAt: '2026-12-01',
      source,
      assessor: 'XX 测评中心',
      title,
    })
    .expect(201);
  return (res.body as { id: string }).id;
}

async function upload(
  noticeId: string,
  file: string | Buffer,
  name?: string,
  fields: Record<string, string> = {},
): Promise<{ importId: string; duplicate: boolean }> {
  let req = api().post(`/api/security-notices/${noticeId}/reports`).set('Authorization', manager);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  const res = await (typeof file === 'string'
    ? req.attach('file', file)
    : req.attach('file', file, name));
  expect(res.status).toBe(202);
  return res.body as { importId: string; duplicate: boolean };
}

async function finished(importId: string): Promise<ImportBody> {
  const body = await importEnded<ImportBody>(manager, importId);
  expect(['done', 'refused']).toContain(body.status);
  return body;
}

async function importFile(noticeId: string, file: string | Buffer, name?: string, fields = {}) {
  const { importId } = await upload(noticeId, file, name, fields);
  return finished(importId);
}

const stored = (noticeId: string) =>
  withDb(async (db) => {
    const q = async (sql: string) => Number((await db.query(sql, [noticeId])).rows[0].n as string);
    return {
      tasks: await q('SELECT count(*) AS n FROM security_task WHERE notice_id = $1'),
      lines: await q('SELECT count(*) AS n FROM security_asset_line WHERE notice_id = $1'),
      findings: await q('SELECT count(*) AS n FROM security_finding WHERE notice_id = $1'),
      informational: await q(
        'SELECT count(*) AS n FROM security_info_finding WHERE notice_id = $1',
      ),
      files: await q(
        `SELECT count(*) AS n FROM stored_file f JOIN security_report r ON r.file_id = f.id
         WHERE r.notice_id = $1`,
      ),
    };
  });

beforeAll(async () => {
  contractId = await demoContractId();
  manager = await loginDemo('hospital_manager');
  vendor = await loginDemo('vendor_pm');
});

describe('notices', () => {
  it('only the hospital manager issues; outsiders see nothing', async () => {
    await api()
      .post(`/api/contracts/${contractId}/security-notices`)
      .set('Authorization', vendor)
      .send({ number: 'X-1', issuedAt: '2026-12-01', source: 'mlps', assessor: 'a', title: 't' })
      .expect(403);
    const id = await issueNotice();
    await api().get(`/api/security-notices/${id}`).set('Authorization', vendor).expect(200);
    const other = await createOtherContract();
    await api()
      .get(`/api/security-notices/${id}`)
      .set('Authorization', other.users.hospital_staff)
      .expect(404);
    await api()
      .post(`/api/security-notices/${id}/reports`)
      .set('Authorization', vendor)
      .attach('file', sample('dradis-nessus/example_v2.nessus'))
      .expect(403);
    const list = await api()
      .get(`/api/contracts/${contractId}/security-notices`)
      .set('Authorization', manager)
      .expect(200);
    expect((list.body as Array<{ id: string }>).map((n) => n.id)).toContain(id);
  });
});

describe('Nessus import', () => {
  let noticeId: string;
  let first: ImportBody;

  beforeAll(async () => {
    noticeId = await issueNotice();
    first = await importFile(noticeId, sample('python-libnessus/nessus_report_localpci.nessus'));
  });

  it('imports the README figures: 166 distinct findings, 73 issued in 73 tasks, 93 kept as information', async () => {
    expect(first.status).toBe('done');
    expect(first.summary).toMatchObject({
      findings: 73,
      informational: 93,
      created: 73,
      merged: 0,
      tasksCreated: 73,
    });
    expect(first.progress.percent).toBe(100);
    expect(await stored(noticeId)).toMatchObject({
      tasks: 73,
      findings: 73,
      informational: 93,
      files: 1,
    });
    // README severity histogram of the 167 items, less the 94 informational ones (one a repeat).
    const bySeverity = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT severity, count(*)::int AS n FROM security_finding WHERE notice_id = $1
             GROUP BY severity`,
            [noticeId],
          )
        ).rows as Array<{ severity: string; n: number }>,
    );
    expect(Object.fromEntries(bySeverity.map((r) => [r.severity, r.n]))).toEqual({
      low: 5,
      medium: 44,
      high: 21,
      critical: 3,
    });
    const notice = await api()
      .get(`/api/security-notices/${noticeId}`)
      .set('Authorization', manager);
    const { counts, informational } = notice.body as {
      counts: { bySeverity: Record<string, number>; tasks: number; informational: number };
      informational: Array<{ vulnerabilityId: string; assets: number }>;
    };
    expect(Object.values(counts.bySeverity).reduce((a, b) => a + b, 0)).toBe(73);
    expect(counts).toMatchObject({ tasks: 73, informational: 93 });
    expect(informational.reduce((n, g) => n + g.assets, 0)).toBe(93);
  });

  it('keeps informational findings out of the vendor’s tasks', async () => {
    const info = await api()
      .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&severity=info`)
      .set('Authorization', vendor)
      .expect(200);
    expect((info.body as { total: number }).total).toBe(0);
  });

  it('the same file again is recognised and creates nothing', async () => {
    const before = await stored(noticeId);
    const again = await upload(noticeId, sample('python-libnessus/nessus_report_localpci.nessus'));
    expect(again).toMatchObject({ importId: first.importId, duplicate: true });
    expect(await stored(noticeId)).toEqual(before);
  });

  it('a second report merges into the notice; due dates come from the settings', async () => {
    const second = await importFile(noticeId, sample('dradis-nessus/example_v2.nessus'));
    expect(second.summary).toMatchObject({
      findings: 49,
      informational: 19,
      created: 49,
      merged: 0,
    });
    const due = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT DISTINCT severity, due_at FROM security_task WHERE notice_id = $1`,
            [noticeId],
          )
        ).rows as Array<{ severity: string; due_at: Date }>,
    );
    const dueOf = (s: string) => due.filter((d) => d.severity === s).map((d) => +d.due_at);
    // Critical counts as high: shorter periods are due no later.
    expect(Math.max(...dueOf('critical'))).toBeLessThanOrEqual(Math.min(...dueOf('medium')));
    expect(Math.max(...dueOf('medium'))).toBeLessThanOrEqual(Math.min(...dueOf('low')));
  });

  it('lists tasks with filters and shows a task with its evidence', async () => {
    const page = async (q: string) =>
      (
        await api()
          .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&${q}`)
          .set('Authorization', vendor)
          .expect(200)
      ).body as { total: number; items: Array<{ id: string; severity: string; cves: string[] }> };
    const critical = await page('severity=critical&pageSize=200');
    expect(critical.total).toBeGreaterThan(0);
    expect(critical.items.every((t) => t.severity === 'critical')).toBe(true);
    const withCve = (await page('pageSize=200')).items.find((t) => t.cves.length > 0)!;
    const byCve = await page(`cve=${withCve.cves[0]}`);
    expect(byCve.items.map((t) => t.id)).toContain(withCve.id);
    const task = await api().get(`/api/security-tasks/${withCve.id}`).set('Authorization', vendor);
    const lines = (
      task.body as { lines: Array<{ host: string; findings: Array<{ cves: string[] }> }> }
    ).lines;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0].findings[0].cves).toContain(withCve.cves[0]);
    const byHost = await page(`host=${encodeURIComponent(lines[0].host)}&pageSize=200`);
    expect(byHost.items.map((t) => t.id)).toContain(withCve.id);
  });

  it('shows imports, tasks and the 整改清单 only to the contract’s parties', async () => {
    const other = await createOtherContract();
    const outsider = other.users.hospital_staff;
    const task = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}`)
        .set('Authorization', vendor)
    ).body as { items: Array<{ id: string }> };
    for (const path of [
      `/api/security-imports/${first.importId}`,
      `/api/security-tasks/${task.items[0].id}`,
      `/api/security-notices/${noticeId}/rectification-list.xlsx`,
    ]) {
      await api().get(path).set('Authorization', vendor).expect(200);
      await api().get(path).set('Authorization', outsider).expect(404);
    }
    await api()
      .get(`/api/contracts/${contractId}/security-tasks`)
      .set('Authorization', outsider)
      .expect(404);
  });

  it('writes the 整改清单 with zh-CN headers, one row per asset line', async () => {
    const res = await api()
      .get(`/api/security-notices/${noticeId}/rectification-list.xlsx`)
      .set('Authorization', manager)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('风险等级');
    expect(sheet.rowCount - 1).toBe((await stored(noticeId)).lines);
  });
});

describe('RSAS web scan', () => {
  it('keeps the site URL on each asset line', async () => {
    const noticeId = await issueNotice();
    const result = await importFile(noticeId, sample('svmp/reference-report_by_web.xml'));
    expect(result.summary).toMatchObject({ findings: 17, tasksCreated: 17 });
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}`)
        .set('Authorization', vendor)
    ).body as { items: Array<{ id: string }> };
    const task = (
      await api().get(`/api/security-tasks/${list.items[0].id}`).set('Authorization', vendor)
    ).body as { lines: Array<{ host: string; url: string | null }> };
    expect(task.lines.map((l) => [l.host, l.url])).toEqual([
      ['www.testfire.net', 'http://www.testfire.net/'],
    ]);
  });
});

describe('task list filters and notice counts', () => {
  let noticeId: string;
  const page = async (q: string) =>
    (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&${q}`)
        .set('Authorization', vendor)
        .expect(200)
    ).body as { total: number; page: number; items: Array<{ id: string; state: string }> };

  beforeAll(async () => {
    const res = await api()
      .post(`/api/contracts/${contractId}/security-notices`)
      .set('Authorization', manager)
      .send({
        number: `AQZG-${randomUUID().slice(0, 8)}`,
        issuedAt: '2026-12-01',
        source: 'pentest',
        assessor: 'XX 渗透测试团队',
        system: 'HIS',
        title: '渗透测试整改',
      })
      .expect(201);
    noticeId = (res.body as { id: string }).id;
    expect((await importFile(noticeId, sample('openvasreporting/airplay.xml'))).status).toBe(
      'done',
    );
  });

  it('filters by state, system and source, and pages', async () => {
    expect((await page('')).total).toBe(7);
    expect((await page('state=open')).total).toBe(7);
    expect((await page('state=verified')).total).toBe(0);
    expect((await page('system=HIS')).total).toBe(7);
    expect((await page('system=EMR')).total).toBe(0);
    expect((await page('source=pentest')).total).toBe(7);
    expect((await page('source=mlps')).total).toBe(0);
    const pages = await Promise.all([1, 2, 3].map((n) => page(`pageSize=3&page=${n}`)));
    expect(pages.map((p) => [p.page, p.items.length, p.total])).toEqual([
      [1, 3, 7],
      [2, 3, 7],
      [3, 1, 7],
    ]);
    expect(new Set(pages.flatMap((p) => p.items.map((t) => t.id))).size).toBe(7);
    const bad = await api()
      .get(`/api/contracts/${contractId}/security-tasks?state=done`)
      .set('Authorization', vendor)
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('state');
  });

  it('issues only what the notice asks for: medium and above, the low ones kept too', async () => {
    const res = await api()
      .post(`/api/contracts/${contractId}/security-notices`)
      .set('Authorization', manager)
      .send({
        number: `AQZG-${randomUUID().slice(0, 8)}`,
        issuedAt: '2026-12-01',
        source: 'vuln_scan',
        assessor: 'XX 测评中心',
        title: '中高风险整改',
        lowestIssuedSeverity: 'medium',
      })
      .expect(201);
    expect(res.body).toMatchObject({ lowestIssuedSeverity: 'medium' });
    const id = (res.body as { id: string }).id;
    const done = await importFile(id, sample('openvasreporting/airplay.xml'));
    // airplay: 2 high and 3 medium issued; 2 low (one repeated) and 29 Log kept.
    expect(done.summary).toMatchObject({ findings: 5, informational: 31, tasksCreated: 5 });
  });

  it('lists each notice with its tasks by severity and by state', async () => {
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-notices`)
        .set('Authorization', vendor)
        .expect(200)
    ).body as Array<{
      id: string;
      tasks: number;
      tasksBySeverity: Record<string, number>;
      tasksByState: Record<string, number>;
    }>;
    const notice = list.find((n) => n.id === noticeId)!;
    const detail = (
      await api().get(`/api/security-notices/${noticeId}`).set('Authorization', vendor).expect(200)
    ).body as { counts: { bySeverity: Record<string, number> } };
    expect(notice.tasks).toBe(7);
    expect(notice.tasksBySeverity).toEqual(detail.counts.bySeverity);
    expect(Object.values(notice.tasksBySeverity).reduce((a, b) => a + b, 0)).toBe(7);
    expect(notice.tasksByState).toEqual({ open: 7 });
  });
});

describe('refused files', () => {
  const negatives: Array<[string, () => Buffer, RegExp]> = [
    ['empty file', () => readFileSync(sample('python-libnessus/xxxxxxxx.nessus')), /文件为空/],
    [
      'Nessus v1',
      () => readFileSync(sample('python-libnessus/nessus_report_test_local.nessus.v1')),
      /Nessus v1/,
    ],
    [
      'HTML report',
      () => readFileSync(sample('nsfocus-change-scan-xml-into-excel/rsas-v5-index.html')),
      /HTML/,
    ],
    [
      'truncated XML (refused on its last line, after findings were read)',
      () => {
        const whole = readFileSync(sample('python-libnessus/nessus_report_test_local.nessus'));
        return whole.subarray(0, Math.floor(whole.length * 0.9));
      },
      /XML/,
    ],
  ];

  it.each(negatives)('%s: refused with its reason, nothing stored', async (_name, bytes, why) => {
    const noticeId = await issueNotice();
    const result = await importFile(noticeId, bytes(), 'report.nessus');
    expect(result.status).toBe('refused');
    expect(result.summary?.refused?.message).toMatch(why);
    expect(result.summary?.refused?.message).toMatch(/报告被拒绝/);
    expect(await stored(noticeId)).toMatchObject({ tasks: 0, lines: 0, findings: 0 });
  });

  it('a late refusal names the line', async () => {
    const noticeId = await issueNotice();
    const whole = readFileSync(sample('python-libnessus/nessus_report_test_local.nessus'));
    const result = await importFile(noticeId, whole.subarray(0, whole.length - 200), 'x.nessus');
    expect(result.summary?.refused?.line).toBeGreaterThan(100);
    expect(await stored(noticeId)).toMatchObject({ findings: 0 });
  });

  it('a refused or failed file may be uploaded into the notice again', async () => {
    const noticeId = await issueNotice();
    const bytes = readFileSync(sample('python-libnessus/nessus_report_test_local.nessus.v1'));
    const first = await importFile(noticeId, bytes, 'report.nessus');
    expect(first.status).toBe('refused');
    const again = await upload(noticeId, bytes, 'report.nessus');
    expect(again.duplicate).toBe(false);
    expect(again.importId).not.toBe(first.importId);
    expect((await finished(again.importId)).status).toBe('refused');
    // An import that failed (its worker out of retries) does not hold the file either.
    await withDb((db) =>
      db.query(`UPDATE security_report SET status = 'failed' WHERE notice_id = $1`, [noticeId]),
    );
    const third = await upload(noticeId, bytes, 'report.nessus');
    expect([third.duplicate, [first.importId, again.importId]]).toEqual([
      false,
      expect.not.arrayContaining([third.importId]),
    ]);
    await finished(third.importId);
    // A file that stands is still recognised.
    const good = sample('openvasreporting/airplay.xml');
    const done = await importFile(noticeId, good);
    expect(await upload(noticeId, good)).toMatchObject({
      importId: done.importId,
      duplicate: true,
    });
  });

  it('a sheet missing a required column is refused naming the column', async () => {
    const noticeId = await issueNotice('mlps', '等保整改');
    const bytes = await xlsx([
      ['安全层面', '控制点', '测评项', '测评对象', '测评结果', '符合程度', '整改建议'],
      [
        '安全计算环境',
        '身份鉴别',
        '应对登录的用户进行身份标识和鉴别',
        'HIS',
        '弱口令',
        '不符合',
        '',
      ],
    ]);
    const result = await importFile(noticeId, bytes, 'mlps.xlsx');
    expect(result.status).toBe('refused');
    expect(result.summary?.refused?.message).toMatch(/风险等级/);
    expect(await stored(noticeId)).toMatchObject({ findings: 0 });
  });
});

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('等保 sheet', () => {
  it('non-compliant rows become one task per control point, a line per 测评对象', async () => {
    const noticeId = await issueNotice('mlps', '等保整改');
    const header = [
      '安全层面',
      '控制点',
      '测评项',
      '测评对象',
      '测评结果',
      '符合程度',
      '风险等级',
      '整改建议',
    ];
    const bytes = await xlsx([
      header,
      [
        '安全计算环境',
        '身份鉴别',
        '应对登录的用户进行身份标识和鉴别',
        'HIS 数据库服务器',
        '弱口令',
        '不符合',
        '高',
        '强口令',
      ],
      [
        '安全计算环境',
        '身份鉴别',
        '应采用口令、密码技术组合的鉴别技术',
        'HIS 数据库服务器',
        '仅口令',
        '部分符合',
        '中',
        '双因素',
      ],
      [
        '安全计算环境',
        '身份鉴别',
        '应对登录的用户进行身份标识和鉴别',
        'EMR 应用服务器',
        '弱口令',
        '不符合',
        '高',
        '强口令',
      ],
      [
        '安全计算环境',
        '访问控制',
        '应对登录的用户分配账户和权限',
        'HIS 应用服务器',
        '',
        '符合',
        '',
        '',
      ],
    ]);
    const result = await importFile(noticeId, bytes, 'mlps.xlsx');
    expect(result.summary).toMatchObject({
      findings: 3,
      created: 3,
      tasksCreated: 1,
      compliant: 1,
    });
    expect(await stored(noticeId)).toMatchObject({ tasks: 1, lines: 2, findings: 3 });
  });
});

describe('retest', () => {
  it('findings gone are fixed by retest, the rest seen again, new ones flagged', async () => {
    const noticeId = await issueNotice();
    const file = sample('python-libnessus/nessus_report_local_3.nessus');
    const original = await importFile(noticeId, file);
    // local_3: 106 distinct findings, 35 of them low and above.
    expect(original.summary).toMatchObject({ findings: 35, informational: 71, created: 35 });
    const xml = readFileSync(file, 'utf8');
    const items = [
      ...xml.matchAll(/<ReportItem [^>]*pluginID="(\d+)"[^>]*>[\s\S]*?<\/ReportItem>/g),
    ];
    const gonePlugin = items.find((m) => /severity="[1-4]"/.test(m[0]))![1];
    const removed = items.filter((m) => m[1] === gonePlugin).length;
    let retest = xml.replace(
      new RegExp(`<ReportItem [^>]*pluginID="${gonePlugin}"[^>]*>[\\s\\S]*?</ReportItem>`, 'g'),
      '',
    );
    const keep = items.find((m) => m[1] !== gonePlugin && /severity="[1-4]"/.test(m[0]))![0];
    retest = retest.replace(keep, keep + keep.replace(/pluginID="\d+"/, 'pluginID="999999"'));
    const result = await importFile(noticeId, Buffer.from(retest), 'retest.nessus', {
      retestOf: noticeId,
    });
    expect(result.summary).toMatchObject({
      findings: 35 - removed + 1,
      informational: 71,
      merged: 35 - removed,
      created: 1,
      closed: removed,
      tasksCreated: 1,
    });
    const rows = await withDb(async (db) => ({
      fixed: (
        await db.query(
          `SELECT count(*)::int AS n FROM security_asset_line l JOIN security_task t
             ON t.id = l.task_id WHERE l.notice_id = $1 AND l.fixed_by_retest
             AND t.vulnerability_id = $2`,
          [noticeId, gonePlugin],
        )
      ).rows[0].n as number,
      fixedElsewhere: (
        await db.query(
          `SELECT count(*)::int AS n FROM security_asset_line l JOIN security_task t
             ON t.id = l.task_id WHERE l.notice_id = $1 AND l.fixed_by_retest
             AND t.vulnerability_id <> $2`,
          [noticeId, gonePlugin],
        )
      ).rows[0].n as number,
      newTask: (
        await db.query(
          `SELECT found_in_retest FROM security_task WHERE notice_id = $1
             AND vulnerability_id = '999999'`,
          [noticeId],
        )
      ).rows[0] as { found_in_retest: boolean },
      seenTwice: (
        await db.query(
          `SELECT count(*)::int AS n FROM security_finding WHERE notice_id = $1
             AND seen_count = 2`,
          [noticeId],
        )
      ).rows[0].n as number,
    }));
    expect(rows).toEqual({
      fixed: removed,
      fixedElsewhere: 0,
      newTask: { found_in_retest: true },
      seenTwice: 35 - removed,
    });
    // The original file again (a second retest): the gone findings are back, reopened.
    const back = await importFile(noticeId, Buffer.from(xml + '\n'), 'again.nessus', {
      retestOf: noticeId,
    });
    expect(back.summary).toMatchObject({ reopened: removed, created: 0, closed: 1 });
  });
});

describe('a later import changes a started task only through its workflow', () => {
  const AIRPLAY = sample('openvasreporting/airplay.xml');
  const PROOF = Buffer.from('diff --git a/smb.conf b/smb.conf\n');
  let staff: string;
  let dev: string;
  let temporal: Client;
  let closeTemporal: () => Promise<void>;

  beforeAll(async () => {
    [staff, dev] = await Promise.all([loginDemo('hospital_staff'), loginDemo('vendor_dev')]);
    const connection = await Connection.connect({ address: e2eStack().temporalAddress });
    temporal = new Client({ connection });
    closeTemporal = () => connection.close();
  });
  afterAll(() => closeTemporal());

  interface Remediation {
    status: string;
    lines: Array<{ lineId: string; label: string; status: string }>;
  }
  const remediation = async (id: string) =>
    (
      (await api().get(`/api/security-tasks/${id}/remediation`).set('Authorization', vendor))
        .body as {
        remediation: Remediation | null;
      }
    ).remediation;
  const act = (auth: string, id: string, action: string, body: object = {}) =>
    api().post(`/api/security-tasks/${id}/actions/${action}`).set('Authorization', auth).send(body);
  const dbState = (id: string) =>
    withDb(async (db) => {
      const task = await db.query(`SELECT state FROM security_task WHERE id = $1`, [id]);
      const lines = await db.query(
        `SELECT state FROM security_asset_line WHERE task_id = $1 ORDER BY label`,
        [id],
      );
      return {
        task: task.rows[0].state as string,
        lines: lines.rows.map((r: { state: string }) => r.state),
      };
    });
  /** The import's workflow ended (its tasks issued), not retrying for ever. */
  const issued = async (importId: string) => {
    const handle = temporal.workflow.getHandle(`security-import:${importId}`);
    await expect(handle.result()).resolves.toMatchObject({ findings: expect.any(Number) });
  };
  const uploadFile = async (noticeId: string, bytes: Buffer, fields = {}) => {
    const { importId } = await upload(noticeId, bytes, 'report.xml', fields);
    const body = await finished(importId);
    await issued(importId);
    return body;
  };

  it('keeps a verified task closed on a normal import, reopens it on a retest that shows it', async () => {
    const noticeId = await issueNotice();
    const xml = readFileSync(AIRPLAY, 'utf8');
    await uploadFile(noticeId, Buffer.from(xml));
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&severity=high`)
        .set('Authorization', vendor)
        .expect(200)
    ).body as { items: Array<{ id: string; vulnerabilityId: string }> };
    const [a, b] = list.items;
    await eventually(
      () => remediation(a.id),
      (r) => r !== null,
      30_000,
    );
    await eventually(
      () => remediation(b.id),
      (r) => r !== null,
      30_000,
    );
    await act(dev, a.id, 'start', { note: '开始整改' }).expect(200);
    await api()
      .post(`/api/security-tasks/${a.id}/actions/fix`)
      .set('Authorization', dev)
      .field('note', '已安装补丁')
      .attach('files', PROOF, { filename: '配置变更.diff', contentType: 'text/plain' })
      .expect(200);
    await act(dev, a.id, 'request-retest', { note: '请复验' }).expect(200);
    await act(staff, a.id, 'verify', { note: '复验通过' }).expect(200);
    expect(await dbState(a.id)).toEqual({ task: 'verified', lines: ['verified'] });

    // The same findings again in a normal report, plus b's finding on a second host.
    const result = (oid: string) =>
      xml.match(
        new RegExp(`<result id="[^"]*">(?:(?!</result>)[\\s\\S])*oid="${oid}"[\\s\\S]*?</result>`),
      )![0];
    const onNewHost = result(b.vulnerabilityId).replace(/10\.0\.1\.1/g, '10.0.1.99');
    const normal = await uploadFile(
      noticeId,
      Buffer.from(xml.replace('</results>', `${onNewHost}</results>`)),
    );
    expect(normal.summary).toMatchObject({ created: 1, reopened: 0 });
    expect(await dbState(a.id)).toEqual({ task: 'verified', lines: ['verified'] });
    expect((await remediation(a.id))?.status).toBe('verified');
    // b's new asset line reached b's workflow, open like the task.
    const bLines = await eventually(
      async () => (await remediation(b.id))?.lines ?? [],
      (lines) => lines.length === 2,
      30_000,
    );
    expect(bLines.map((l) => l.status)).toEqual(['open', 'open']);
    expect((await dbState(b.id)).lines).toEqual(['open', 'open']);

    // A retest that still shows a's finding: a is reopened by a new run of its workflow.
    const retest = await uploadFile(noticeId, Buffer.from(`${xml}\n`), { retestOf: noticeId });
    expect(retest.summary).toMatchObject({ created: 0, reopened: 1 });
    const reopened = await eventually(
      () => remediation(a.id),
      (r) => r?.status === 'reopened',
      30_000,
    );
    expect(reopened?.lines.map((l) => l.status)).toEqual(['open']);
    expect(await dbState(a.id)).toEqual({ task: 'reopened', lines: ['open'] });
    const run = await temporal.workflow.getHandle(`security-task:${a.id}`).describe();
    expect(run.status.name).toBe('RUNNING');
    // The reopened task takes the vendor's steps again.
    await act(dev, a.id, 'start', { note: '重新整改' }).expect(200);
  });
});
