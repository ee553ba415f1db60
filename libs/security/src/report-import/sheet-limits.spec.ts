import ExcelJS from 'exceljs';
import { ReportRefusedError } from '../report-refused.error';
import { type ReportRefusal } from '../report-refusal.types';
import { readReport } from './report.parser';
import type { ParseReportOptions } from './report-parse.types';

const HEADER = [
  '安全层面',
  '控制点',
  '测评项',
  '测评对象',
  '测评结果',
  '符合程度',
  '风险等级',
  '整改建议',
];
const ROW = [
  '安全计算环境',
  '身份鉴别',
  '应对登录的用户进行身份标识和鉴别',
  'HIS',
  '弱口令',
  '不符合',
  '高',
  '强口令',
];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusalOf(
  bytes: Buffer,
  options: Partial<ParseReportOptions>,
): Promise<ReportRefusal> {
  try {
    await readReport(bytes, { maxBytes: 50 * 1024 * 1024, ...options });
  } catch (error) {
    if (error instanceof ReportRefusedError) return error.refusal;
    throw error;
  }
  throw new Error('not refused');
}

describe('sheet limits', () => {
  it('refuses a workbook whose directory declares more than the limit', async () => {
    // Bomb-ish: 20 MB of one repeated problem text compresses to a few tens of kilobytes.
    const bomb = await xlsx([HEADER, ROW.map((c, i) => (i === 4 ? 'x'.repeat(20_000_000) : c))]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refusal = await refusalOf(bomb, { maxSheetUnzippedBytes: 10 * 1024 * 1024 });
    expect(refusal).toMatchObject({ reason: 'workbook_too_large', limit: 10 * 1024 * 1024 });
  });

  it('reads a workbook within the limit', async () => {
    const small = await xlsx([HEADER, ROW]);
    const { findings } = await readReport(small, {
      maxBytes: 1024 * 1024,
      maxSheetUnzippedBytes: 1024 * 1024,
    });
    expect(findings).toHaveLength(1);
  });

  it('refuses a sheet or CSV with more rows than the limit', async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 30 }, (_v, i) => ROW.map((c, j) => (j === 3 ? `主机${i}` : c))),
    ];
    await expect(refusalOf(await xlsx(rows), { maxSheetRows: 20 })).resolves.toMatchObject({
      reason: 'too_many_rows',
      limit: 20,
    });
    const csv = Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
    await expect(refusalOf(csv, { maxSheetRows: 20 })).resolves.toMatchObject({
      reason: 'too_many_rows',
    });
    const { findings } = await readReport(csv, { maxBytes: 1024 * 1024, maxSheetRows: 31 });
    expect(findings).toHaveLength(30);
  });
});
