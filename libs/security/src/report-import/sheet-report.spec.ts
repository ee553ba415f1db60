import ExcelJS from 'exceljs';
import { CRYPTO_LAYERS, MLPS_LAYERS } from '@luyue/domain';
import { groupFindingsIntoTasks } from '../finding.grouping';
import { ReportRefusedError } from '../report-refused.error';
import { buildFindingTemplate } from './finding-template.builder';
import { readReport } from './report.parser';
import { SHEET_COLUMNS } from './sheet.columns';

const MLPS_HEADER = [
  '安全层面',
  '控制点',
  '测评项',
  '测评对象',
  '测评结果',
  '符合程度',
  '风险等级',
  '整改建议',
];

async function xlsx(rows: string[][], merge?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('问题清单');
  for (const row of rows) sheet.addRow(row);
  if (merge) sheet.mergeCells(merge);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const read = (bytes: Buffer, format?: 'mlps_sheet' | 'crypto_sheet') =>
  readReport(bytes, { maxBytes: 5 * 1024 * 1024, format });

async function refusalOf(bytes: Buffer) {
  try {
    await read(bytes);
  } catch (error) {
    if (error instanceof ReportRefusedError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('等保 sheet (XLSX)', () => {
  const rows = [
    ['XX医院 HIS 系统等级测评问题清单'],
    MLPS_HEADER,
    [
      '安全计算环境',
      '身份鉴别',
      '应对登录的用户进行身份标识和鉴别',
      'HIS 数据库服务器',
      '存在弱口令',
      '不符合',
      '高',
      '设置强口令',
    ],
    [
      '',
      '',
      '应采用口令、密码技术组合的鉴别技术',
      'HIS 数据库服务器',
      '仅口令',
      '部分符合',
      '中风险',
      '启用双因素',
    ],
    ['', '访问控制', '应对登录的用户分配账户和权限', 'HIS 应用服务器', '', '符合', '', ''],
    [
      '安全通信网络',
      '通信传输',
      '应采用校验技术保证通信过程中数据的完整性',
      '核心交换机',
      '',
      '不适用',
      '',
      '',
    ],
    ['', '', '', '', '', '', '', ''],
    [
      '安全计算环境',
      '身份鉴别',
      '应对登录的用户进行身份标识和鉴别',
      'HIS 应用服务器',
      '存在弱口令',
      '不符合',
      '低',
      '',
    ],
  ];

  it('reads findings after a title row, counts compliant rows, fills merged cells down', async () => {
    const { summary, findings } = await read(await xlsx(rows, 'A3:A5'));
    expect(summary).toMatchObject({
      format: 'mlps_sheet',
      itemsRead: 5,
      compliant: 2,
      findings: 3,
      distinctKeys: 3,
    });
    expect(findings[0]).toMatchObject({
      key: 'mlps_sheet:安全计算环境|身份鉴别|应对登录的用户进行身份标识和鉴别|HIS 数据库服务器',
      vulnerabilityId: '安全计算环境/身份鉴别',
      title: '应对登录的用户进行身份标识和鉴别',
      severity: 'high',
      layer: '安全计算环境',
      controlPoint: '身份鉴别',
      target: 'HIS 数据库服务器',
      compliance: 'non_compliant',
      evidence: '存在弱口令',
      solution: '设置强口令',
      host: null,
      port: null,
    });
    expect(findings[1]).toMatchObject({
      layer: '安全计算环境',
      controlPoint: '身份鉴别',
      severity: 'medium',
      compliance: 'partial',
    });
    const tasks = groupFindingsIntoTasks(findings);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: '安全计算环境 / 身份鉴别', severity: 'high' });
    expect(tasks[0].assets.map((a) => [a.target, a.findingKeys.length])).toEqual([
      ['HIS 数据库服务器', 2],
      ['HIS 应用服务器', 1],
    ]);
  });

  it('refuses a sheet missing a required column, naming it', async () => {
    const e = await refusalOf(await xlsx([MLPS_HEADER.filter((h) => h !== '风险等级'), rows[2]]));
    expect(e.refusal).toMatchObject({ reason: 'missing_column', field: '风险等级', row: 1 });
    expect(e.message).toMatch(/第 1 行.*缺少必需的列「风险等级」.*row 1/);
  });

  it('refuses an unknown 风险等级 with its row and column', async () => {
    const bad = [
      ...rows.slice(0, 3),
      ['安全计算环境', '入侵防范', '应关闭不需要的端口', 'HIS', '开放 23', '不符合', '极高', ''],
    ];
    const e = await refusalOf(await xlsx(bad));
    expect(e.refusal).toMatchObject({
      reason: 'unknown_risk_level',
      row: 4,
      sheetColumn: 'G',
      value: '极高',
    });
    expect(e.message).toMatch(/第 4 行 G 列.*极高.*row 4, column G/);
  });

  it('refuses an unknown 符合程度 and a finding without 测评对象', async () => {
    const badCompliance = await refusalOf(
      await xlsx([MLPS_HEADER, ['安全计算环境', '身份鉴别', 'x', 'HIS', '', '基本符合', '高', '']]),
    );
    expect(badCompliance.refusal).toMatchObject({
      reason: 'unknown_compliance',
      row: 2,
      sheetColumn: 'F',
    });
    const noTarget = await refusalOf(
      await xlsx([MLPS_HEADER, ['安全计算环境', '身份鉴别', 'x', '', '', '不符合', '高', '']]),
    );
    expect(noTarget.refusal).toMatchObject({
      reason: 'missing_value',
      field: '测评对象',
      row: 2,
      sheetColumn: 'D',
    });
  });

  it('refuses a workbook without a header row, and a sheet of the other kind than chosen', async () => {
    expect(
      (
        await refusalOf(
          await xlsx([
            ['a', 'b'],
            ['1', '2'],
          ]),
        )
      ).refusal.reason,
    ).toBe('no_header_row');
    await expect(read(await xlsx(rows), 'crypto_sheet')).rejects.toMatchObject({
      refusal: { reason: 'format_mismatch', expected: 'crypto_sheet', found: 'mlps_sheet' },
    });
  });
});

describe('密评 sheet', () => {
  it('reads a CSV (UTF-8 with BOM) where every row without 符合程度 is a finding', async () => {
    const csv =
      '\ufeff层面,测评指标,测评对象,问题描述,风险等级,整改建议\n网络和通信安全,通信数据完整性,"VPN, 网关",未使用 SM3,高,启用国密\n应用和数据安全,身份鉴别,HIS,口令明文,中,\n';
    const { summary, findings } = await read(Buffer.from(csv));
    expect(summary).toMatchObject({ format: 'crypto_sheet', itemsRead: 2, compliant: 0 });
    expect(findings[0]).toMatchObject({
      key: 'crypto_sheet:网络和通信安全|通信数据完整性||VPN, 网关',
      controlPoint: '通信数据完整性',
      item: null,
      title: '通信数据完整性',
      target: 'VPN, 网关',
      severity: 'high',
      compliance: 'non_compliant',
    });
  });

  it('reads a CSV saved as GB18030 by Excel', async () => {
    // 层面,测评指标,测评对象,问题描述,风险等级 / 管理制度,密码应用方案,全院,缺失,低
    const header = Buffer.from(
      'b2e3c3e62cb2e2c6c0d6b8b1ea2cb2e2c6c0b6d4cff32ccecacce2c3e8caf62cb7e7cfd5b5c8bcb60a',
      'hex',
    );
    const text = new TextDecoder('gb18030').decode(header);
    expect(text).toBe('层面,测评指标,测评对象,问题描述,风险等级\n');
    const row = Buffer.from(
      'b9dcc0edd6c6b6c82cc3dcc2ebd3a6d3c3b7bdb0b82cc8abd4ba2cc8b1caa72cb5cd0a',
      'hex',
    );
    expect(new TextDecoder('gb18030').decode(row)).toBe('管理制度,密码应用方案,全院,缺失,低\n');
    const { findings } = await read(Buffer.concat([header, row]));
    expect(findings[0]).toMatchObject({ layer: '管理制度', target: '全院', severity: 'low' });
  });
});

describe('buildFindingTemplate', () => {
  it.each([
    ['mlps', 'mlps_sheet', MLPS_LAYERS],
    ['crypto', 'crypto_sheet', CRYPTO_LAYERS],
  ] as const)(
    '%s: the parser’s headers and drop-downs, and it reads back',
    async (kind, format, layers) => {
      const bytes = await buildFindingTemplate(kind);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      const columns = SHEET_COLUMNS[format];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
      expect(sheet.getCell('A2').dataValidation).toMatchObject({
        type: 'list',
        formulae: [`"${layers.join(',')}"`],
      });
      const riskColumn = columns.findIndex((c) => c.field === 'risk') + 1;
      expect(sheet.getRow(500).getCell(riskColumn).dataValidation.formulae).toEqual(['"高,中,低"']);
      const compliance = columns.findIndex((c) => c.field === 'compliance') + 1;
      expect(sheet.getRow(2).getCell(compliance).dataValidation.formulae).toEqual([
        '"符合,部分符合,不符合,不适用"',
      ]);

      expect((await read(bytes)).summary).toMatchObject({ format, itemsRead: 0, findings: 0 });
      const filled = columns.map((c) =>
        c.field === 'layer'
          ? layers[0]
          : c.field === 'risk'
            ? '中'
            : c.field === 'compliance'
              ? '不符合'
              : `${c.header}1`,
      );
      sheet.addRow(filled);
      const again = Buffer.from(await workbook.xlsx.writeBuffer());
      const { findings } = await read(again, format);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        layer: layers[0],
        severity: 'medium',
        target: '测评对象1',
      });
    },
  );
});
