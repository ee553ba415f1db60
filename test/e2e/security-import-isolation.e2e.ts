// Imports on the real stack that must not stall the rest, and whose every refusal is a refusal:
// a workbook near two million rows, a zip whose directory understates its size, text that the
// database could not hold, and a GVM export with empty threats. Real samples from
// ../shared/scan-samples are read in place and edited here.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { api, createOtherContract, demoContractId, loginDemo, operator } from '../helpers/e2e-auth';
import { assessment, act } from '../helpers/e2e-requirements';
import { withDb } from '../helpers/e2e-stack';
import { importEnded, SAMPLES } from '../helpers/e2e-security';

interface Refused {
  reason: string;
  message: string;
  line?: number;
  row?: number;
  sheetColumn?: string;
  element?: string;
  field?: string;
  limit?: number;
}
interface ImportBody {
  importId: string;
  status: string;
  summary: { findings: number; gaps?: Record<string, number>; refused?: Refused } | null;
}

const MLPS_HEADER = [
  '安全层面',
  '控制点',
  '测评项',
  '测评对象',
  '测评结果',
  '符合程度',
  '风险等级',
];
const mlpsRow = (target: string) => [
  '安全计算环境',
  '身份鉴别',
  '应对登录的用户进行身份标识和鉴别',
  target,
  '弱口令',
  '不符合',
  '高',
];

let contractId: string;
let manager: string;
let dir: string;

beforeAll(async () => {
  contractId = await demoContractId();
  manager = await loginDemo('hospital_manager');
  dir = mkdtempSync(join(tmpdir(), 'luyue-import-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function issueNotice(source = 'vuln_scan'): Promise<string> {
  const res = await api()
    .post(`/api/contracts/${contractId}/security-notices`)
    .set('Authorization', manager)
    .send({
      number: `AQZG-${randomUUID().slice(0, 8)}`,
      issuedAt: '2026-12-01',
      source,
      assessor: 'XX 测评中心',
      title: '导入隔离',
    })
    .expect(201);
  return (res.body as { id: string }).id;
}

async function upload(noticeId: string, file: string | Buffer, name: string): Promise<string> {
  const req = api().post(`/api/security-notices/${noticeId}/reports`).set('Authorization', manager);
  const res = await (typeof file === 'string'
    ? req.attach('file', file, name)
    : req.attach('file', file, name));
  expect(res.status).toBe(202);
  return (res.body as { importId: string }).importId;
}

const finished = (importId: string, timeoutMs?: number): Promise<ImportBody> =>
  importEnded<ImportBody>(manager, importId, timeoutMs);

const findingsOf = (noticeId: string) =>
  withDb(async (db) =>
    Number(
      (
        await db.query('SELECT count(*) AS n FROM security_finding WHERE notice_id = $1', [
          noticeId,
        ])
      ).rows[0].n as string,
    ),
  );

/** Streams a one-sheet workbook to disk, row by row, as a large export would be written. */
async function writeWorkbook(
  path: string,
  rows: number,
  row: (i: number) => string[],
  useSharedStrings = true,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
  const sheet = workbook.addWorksheet('问题清单');
  sheet.addRow(MLPS_HEADER).commit();
  for (let i = 1; i < rows; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
}

/** Every central-directory entry declares 1 KB uncompressed, whatever it really holds. */
function understateSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = out.readUInt32LE(end + 16);
  for (let n = out.readUInt16LE(end + 10); n > 0; n--) {
    out.writeUInt32LE(1024, at + 24);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

describe('a workbook of about a million rows (99 MB unzipped, under every declared limit)', () => {
  it('is refused at the row limit while requirement actions on another contract keep answering', async () => {
    const big = join(dir, 'big.xlsx');
    // One short shared string a row: about 1.1 million rows unzip to just under 100 MB.
    await writeWorkbook(big, 1_100_000, () => ['x']);
    const other = await createOtherContract();
    await api()
      .patch(`/api/contracts/${other.contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS'] })
      .expect(200);
    const staff = other.users.hospital_staff;
    const pm = other.users.vendor_pm;

    // Requirement actions on the other contract, one after another, for as long as the imports
    // run: each a submission (the workflow's received Update) and the vendor's assessment.
    let importing = true;
    const answers: number[] = [];
    const actions = (async () => {
      while (importing) {
        const submitted = await api()
          .post(`/api/contracts/${other.contractId}/requirements`)
          .set('Authorization', staff)
          .send({
            title: `导入期间的需求 ${answers.length}`,
            description: '导入大文件时提交的需求',
            system: 'HIS',
            priority: 'normal',
          });
        answers.push(submitted.status);
        if (submitted.status !== 201) continue;
        const id = (submitted.body as { id: string }).id;
        answers.push((await act(pm, id, 'assess', assessment())).status);
      }
    })();

    // Two at once, each into its own notice (the same file twice in one notice is one import).
    const notices = await Promise.all([issueNotice('mlps'), issueNotice('mlps')]);
    const imports = await Promise.all(notices.map((n) => upload(n, big, 'big.xlsx')));
    const results = await Promise.all(imports.map((id) => finished(id, 120_000)));
    importing = false;
    await actions;

    for (const result of results) {
      expect(result.status).toBe('refused');
      expect(result.summary?.refused).toMatchObject({ reason: 'too_many_rows', limit: 100_000 });
      expect(result.summary?.refused?.message).toContain('表格超过 100000 行的上限');
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    for (const n of notices) expect(await findingsOf(n)).toBe(0);
  }, 240_000);
});

describe('every refusal is a refusal', () => {
  it('a zip whose directory understates its size is refused at the unzipped limit', async () => {
    const path = join(dir, 'bomb-source.xlsx');
    // Twelve cells of 10 MB: 120 MB unzipped, a few hundred kilobytes zipped.
    const huge = 'x'.repeat(10 * 1024 * 1024);
    await writeWorkbook(
      path,
      13,
      (i) => mlpsRow(`主机${i}`).map((c, j) => (j === 4 ? huge : c)),
      false,
    );
    const bomb = understateSizes(readFileSync(path));
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const noticeId = await issueNotice('mlps');
    const result = await finished(await upload(noticeId, bomb, 'bomb.xlsx'));
    expect(result.status).toBe('refused');
    expect(result.summary?.refused).toMatchObject({
      reason: 'workbook_too_large',
      limit: 100 * 1024 * 1024,
    });
    expect(result.summary?.refused?.message).toContain('Excel 文件解压后超过 104857600 字节的上限');
    expect(await findingsOf(noticeId)).toBe(0);
  });

  it('a zip that is no workbook is refused in its own words, no library text', async () => {
    const path = join(dir, 'small.xlsx');
    await writeWorkbook(path, 3, (i) => mlpsRow(`主机${i}`));
    const bytes = readFileSync(path);
    // The sheet's compressed data overwritten: zlib cannot inflate it.
    const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    bytes.fill(0xff, at, at + 64);
    const noticeId = await issueNotice('mlps');
    const result = await finished(await upload(noticeId, bytes, 'broken.xlsx'));
    expect(result.status).toBe('refused');
    expect(result.summary?.refused?.reason).toBe('unreadable_workbook');
    expect(result.summary?.refused?.message).toBe(
      '报告被拒绝：无法读取 Excel 文件 / Report refused: the workbook cannot be read',
    );
  });

  it('a CSV with a NUL in a cell is refused at once naming its row and column', async () => {
    const rows = [MLPS_HEADER, mlpsRow('HIS'), mlpsRow('EMR\u0000服务器'), mlpsRow('LIS')];
    const csv = Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
    const noticeId = await issueNotice('mlps');
    const result = await finished(await upload(noticeId, csv, 'mlps.csv'));
    expect(result.status).toBe('refused');
    expect(result.summary?.refused).toMatchObject({
      reason: 'invalid_character',
      row: 3,
      sheetColumn: 'D',
      field: '测评对象',
    });
    expect(result.summary?.refused?.message).toContain('第 3 行 D 列');
    expect(await findingsOf(noticeId)).toBe(0);
  });

  it('a Nessus file with a 5 MB ReportHost name is refused naming the line', async () => {
    const text = readFileSync(
      resolve(SAMPLES, 'python-libnessus/nessus_report_local2.nessus'),
      'utf8',
    );
    const open = /<ReportHost name="[^"]*"/.exec(text)!;
    const edited =
      text.slice(0, open.index) +
      `<ReportHost name="${'h'.repeat(5 * 1024 * 1024)}"` +
      text.slice(open.index + open[0].length);
    const line = text.slice(0, open.index).split('\n').length;
    const noticeId = await issueNotice();
    const result = await finished(await upload(noticeId, Buffer.from(edited), 'big-name.nessus'));
    expect(result.status).toBe('refused');
    expect(result.summary?.refused).toMatchObject({
      reason: 'value_too_long',
      line,
      field: 'ReportHost@name',
    });
    expect(result.summary?.refused?.message).toContain(`第 ${line} 行`);
    expect(result.summary?.refused?.message).toContain('ReportHost');
    expect(await findingsOf(noticeId)).toBe(0);
  });
});

describe('GVM results with an empty threat and a CVSS severity', () => {
  it('are imported with the severity of GVM’s bands, the gap recorded', async () => {
    const text = readFileSync(resolve(SAMPLES, 'dradis-openvas/report_v24.xml'), 'utf8');
    const start = text.indexOf('<result ');
    const end = text.indexOf('</result>') + '</result>'.length;
    const result = text.slice(start, end);
    const scores: Array<[string, string]> = [
      ['0.0', 'info'],
      ['2.6', 'low'],
      ['5.0', 'medium'],
      ['7.5', 'high'],
      ['9.8', 'critical'],
    ];
    // One result a score, each its own NVT: the threat emptied, the score in <severity>.
    const results = scores.map(([score], i) =>
      result
        .replace('oid="1.3.6.1.4.1.25623.1.0.103122"', `oid="1.3.6.1.4.1.25623.1.0.90000${i}"`)
        .replace('<threat>Medium</threat>', `<threat></threat><severity>${score}</severity>`),
    );
    const edited = text.slice(0, start) + results.join('\n') + text.slice(end);
    const noticeId = await issueNotice();
    const done = await finished(await upload(noticeId, Buffer.from(edited), 'gvm.xml'));
    expect(done.status).toBe('done');
    expect(done.summary?.gaps).toEqual({ 'result/threat': 5 });
    // The 0.0 score is informational: kept with the notice, not issued as a task.
    expect(done.summary).toMatchObject({ findings: 4, informational: 1 });
    const tasks = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=50`)
        .set('Authorization', manager)
        .expect(200)
    ).body as { items: Array<{ vulnerabilityId: string; severity: string }> };
    const bySeverity = Object.fromEntries(tasks.items.map((t) => [t.vulnerabilityId, t.severity]));
    expect(bySeverity).toEqual(
      Object.fromEntries(
        scores
          .map(([, s], i) => [`1.3.6.1.4.1.25623.1.0.90000${i}`, s])
          .filter(([, s]) => s !== 'info'),
      ),
    );
  });
});

describe('a task started just after its import is done', () => {
  it('takes the step at once: done means every task accepts steps', async () => {
    const noticeId = await issueNotice();
    const vendor = await loginDemo('vendor_pm');
    const done = await finished(
      await upload(noticeId, resolve(SAMPLES, 'dradis-openvas/report_v7.xml'), 'report_v7.xml'),
    );
    expect(done.status).toBe('done');
    const tasks = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=50`)
        .set('Authorization', vendor)
        .expect(200)
    ).body as { items: Array<{ id: string }> };
    expect(tasks.items.length).toBeGreaterThan(0);
    const answers = await Promise.all(
      tasks.items.map((t) =>
        api()
          .post(`/api/security-tasks/${t.id}/actions/start`)
          .set('Authorization', vendor)
          .send({}),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual(tasks.items.map(() => 200));
  });
});
