import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ReportRefusedError } from '../report-refused.error';
import { type ReportRefusal } from '../report-refusal.types';
import { gvmSeverityOfScore } from './openvas.parser';
import { readReport } from './report.parser';
import type { ParseReportOptions } from './report-parse.types';

const SAMPLES = resolve(__dirname, '../../../../..', 'shared', 'scan-samples');
const MAX_BYTES = 50 * 1024 * 1024;

const HEADER = ['安全层面', '控制点', '测评项', '测评对象', '测评结果', '符合程度', '风险等级'];
const row = (target: string, over: Partial<Record<number, string>> = {}) =>
  [
    '安全计算环境',
    '身份鉴别',
    '应对登录的用户进行身份标识和鉴别',
    target,
    '弱口令',
    '不符合',
    '高',
  ].map((c, i) => over[i] ?? c);

async function refusalOf(
  source: Buffer | string,
  options: Partial<ParseReportOptions> = {},
): Promise<ReportRefusal & { message: string }> {
  try {
    await readReport(source, { maxBytes: MAX_BYTES, ...options });
  } catch (error) {
    if (error instanceof ReportRefusedError) return { ...error.refusal, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

async function xlsx(rows: string[][], useSharedStrings = true): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
  try {
    const filename = join(dir, 'x.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings });
    const sheet = workbook.addWorksheet('问题清单');
    for (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    await workbook.commit();
    return readFileSync(filename);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

describe('streamed workbooks', () => {
  it('counts what really inflates when the directory understates it', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const honest = await xlsx(
      [HEADER, ...[1, 2, 3, 4].map((i) => row(`主机${i}`, { 4: huge }))],
      false,
    );
    const bomb = understateSizes(honest);
    // Declared: a few kilobytes; inflated: over 12 MB.
    const refusal = await refusalOf(bomb, { maxSheetUnzippedBytes: 8 * 1024 * 1024 });
    expect(refusal).toMatchObject({ reason: 'workbook_too_large', limit: 8 * 1024 * 1024 });
    // The same workbook within a larger limit reads, its long evidence cut.
    const { findings } = await readReport(bomb, {
      maxBytes: MAX_BYTES,
      maxSheetUnzippedBytes: 20 * 1024 * 1024,
    });
    expect(findings).toHaveLength(4);
    expect(findings[0].evidence.length).toBeLessThan(20_000);
  });

  it('reads a workbook on disk in place and refuses it at the row limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    try {
      const path = join(dir, 'many.xlsx');
      const rows = [HEADER, ...Array.from({ length: 50 }, (_v, i) => row(`主机${i}`))];
      writeFileSync(path, await xlsx(rows));
      expect(await refusalOf(path, { maxSheetRows: 40 })).toMatchObject({
        reason: 'too_many_rows',
        limit: 40,
      });
      const { findings } = await readReport(path, { maxBytes: MAX_BYTES, maxSheetRows: 51 });
      expect(findings).toHaveLength(50);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a broken zip in its own words, without the library’s', async () => {
    const bytes = await xlsx([HEADER, row('HIS')]);
    const name = 'xl/worksheets/sheet1.xml';
    const at = bytes.indexOf(name) + name.length;
    bytes.fill(0xff, at, at + 64);
    const refusal = await refusalOf(bytes);
    expect(refusal.reason).toBe('unreadable_workbook');
    expect(refusal.message).toBe(
      '报告被拒绝：无法读取 Excel 文件 / Report refused: the workbook cannot be read',
    );
  });
});

describe('text a report cannot store', () => {
  it('refuses a CSV cell holding NUL, naming the row and column', async () => {
    const csv = [HEADER, row('HIS'), row('EMR\u0000'), row('LIS')]
      .map((r) => r.join(','))
      .join('\n');
    const refusal = await refusalOf(Buffer.from(csv));
    expect(refusal).toMatchObject({
      reason: 'invalid_character',
      row: 3,
      sheetColumn: 'D',
      field: '测评对象',
    });
    expect(refusal.message).toContain('第 3 行 D 列');
    expect(refusal.message).toContain('「测评对象」含有不允许的控制字符');
  });

  it('refuses an over-long key cell of a sheet, naming the limit', async () => {
    const refusal = await refusalOf(await xlsx([HEADER, row('主'.repeat(301))]));
    expect(refusal).toMatchObject({
      reason: 'value_too_long',
      row: 2,
      sheetColumn: 'D',
      limit: 300,
    });
  });

  it('refuses a 5 MB ReportHost name at its line, quoting none of it', async () => {
    const text = readFileSync(
      resolve(SAMPLES, 'python-libnessus/nessus_report_local2.nessus'),
      'utf8',
    );
    const open = /<ReportHost name="[^"]*"/.exec(text)!;
    const line = text.slice(0, open.index).split('\n').length;
    const edited =
      text.slice(0, open.index) +
      `<ReportHost name="${'h'.repeat(5 * 1024 * 1024)}"` +
      text.slice(open.index + open[0].length);
    const refusal = await refusalOf(Buffer.from(edited));
    expect(refusal).toMatchObject({
      reason: 'value_too_long',
      line,
      field: 'ReportHost@name',
      element: 'NessusClientData_v2/Report/ReportHost',
    });
    expect(refusal.message.length).toBeLessThan(300);
  });

  it('refuses an over-long host text and an out-of-range score at the record', async () => {
    const text = readFileSync(resolve(SAMPLES, 'dradis-openvas/report_v24.xml'), 'utf8');
    const longHost = text.replace('<host>188.111.11.85<', `<host>${'1'.repeat(300)}<`);
    expect(await refusalOf(Buffer.from(longHost))).toMatchObject({
      reason: 'value_too_long',
      field: 'host',
      limit: 255,
      line: 5,
      element: 'report/report/results/result',
    });
    const score = text.replace('<cvss_base>4.3</cvss_base>', '<cvss_base>43000</cvss_base>');
    expect(await refusalOf(Buffer.from(score))).toMatchObject({
      reason: 'value_out_of_range',
      field: 'cvss',
      value: '43000',
      line: 5,
    });
  });

  it('quotes at most 100 characters of a refused value', async () => {
    const text = readFileSync(resolve(SAMPLES, 'dradis-openvas/report_v24.xml'), 'utf8');
    const threat = `Bad${'x'.repeat(500)}`;
    const refusal = await refusalOf(
      Buffer.from(text.replace('<threat>Medium</threat>', `<threat>${threat}</threat>`)),
    );
    expect(refusal.reason).toBe('unknown_severity');
    expect(refusal.value).toBe(`${threat.slice(0, 100)}…`);
  });
});

it('a refused value keeps no NUL: shown as \\0, so the refusal can be stored', () => {
  const e = new ReportRefusedError({ reason: 'unknown_severity', field: 'x', value: 'a\u0000b' });
  expect(e.refusal.value).toBe('a\\0b');
  expect(e.message).not.toContain('\u0000');
});

describe('GVM results with an empty threat', () => {
  it.each([
    [0, 'info'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical'],
  ])('score %s is %s', (score, severity) => {
    expect(gvmSeverityOfScore(score)).toBe(severity);
  });

  it.each([[null], [-1], [-3], [10.1]])('score %s decides nothing', (score) => {
    expect(gvmSeverityOfScore(score)).toBe(null);
  });

  it('take the severity from <severity> and count the gap; no score still refuses', async () => {
    const text = readFileSync(resolve(SAMPLES, 'dradis-openvas/report_v24.xml'), 'utf8');
    const blank = text.replace(
      '<threat>Medium</threat>',
      '<threat></threat><severity>7.5</severity>',
    );
    const { summary, findings } = await readReport(Buffer.from(blank), { maxBytes: MAX_BYTES });
    expect(findings.map((f) => f.severity)).toEqual(['high']);
    expect(summary.gaps).toEqual({ 'result/threat': 1 });
    const untouched = await readReport(Buffer.from(text), { maxBytes: MAX_BYTES });
    expect(untouched.summary.gaps).toBeUndefined();
    const none = text.replace('<threat>Medium</threat>', '<threat></threat>');
    expect(await refusalOf(Buffer.from(none))).toMatchObject({
      reason: 'unknown_severity',
      field: 'result/threat',
    });
  });
});
