import ExcelJS from 'exceljs';
import type { RequirementLedgerRow } from '@luyue/requirement';
import { LEDGER_HEADERS, RequirementLedgerExporter } from './requirement-ledger.exporter';

const ROW: RequirementLedgerRow = {
  id: 'REQ-2026-0007',
  title: '医保结算接口',
  kind: 'interface_new',
  system: 'HIS',
  submitter: '张敏（信息科）',
  submittedAt: '2026-11-23T02:00:00.000Z',
  assessmentDueAt: '2026-11-26T15:59:59.999Z',
  assessedAt: '2026-11-24T01:30:00.000Z',
  assessmentOnTime: true,
  estimatePersonDays: 4,
  actualPersonDays: 3.5,
  plannedDeliveryDate: '2026-12-20',
  releasedAt: '2026-12-18T08:00:00.000Z',
  deliveryOnTime: false,
  status: 'accepted',
  acceptedAt: '2026-12-19T03:00:00.000Z',
  acceptedBy: '李强（信息科科长）',
};

async function readBack(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    content.buffer.slice(
      content.byteOffset,
      content.byteOffset + content.byteLength,
    ) as ArrayBuffer,
  );
  const rows: unknown[][] = [];
  workbook.getWorksheet('需求管理台账')!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('RequirementLedgerExporter', () => {
  const exporter = new RequirementLedgerExporter();

  it('writes the zh-CN header and one line per request, times in Asia/Shanghai', async () => {
    const file = await exporter.export({ number: 'YW-1', name: '运维合同' }, [ROW], 1);
    expect(file.filename).toBe('YW-1-Y1-需求管理台账.xlsx');
    const [header, line, ...rest] = await readBack(file.content);
    expect(header).toEqual(LEDGER_HEADERS);
    expect(rest).toEqual([]);
    expect(line).toEqual([
      'REQ-2026-0007',
      '医保结算接口',
      '接口新增',
      'HIS',
      '张敏（信息科）',
      '2026-11-23 10:00',
      '2026-11-26 23:59',
      '2026-11-24 09:30',
      '是',
      4,
      3.5,
      '2026-12-20',
      '2026-12-18 16:00',
      '否',
      '已验收',
      '2026-12-19 11:00',
      '李强（信息科科长）',
    ]);
  });

  it('leaves what has not happened yet empty', async () => {
    const open: RequirementLedgerRow = {
      ...ROW,
      kind: null,
      assessedAt: null,
      assessmentOnTime: null,
      estimatePersonDays: null,
      actualPersonDays: null,
      plannedDeliveryDate: null,
      releasedAt: null,
      deliveryOnTime: null,
      status: 'assessing',
      acceptedAt: null,
      acceptedBy: null,
    };
    const file = await exporter.export({ number: 'YW-1', name: '运维合同' }, [open]);
    expect(file.filename).toBe('YW-1-需求管理台账.xlsx');
    const [, line] = await readBack(file.content);
    // exceljs reads empty cells back as missing entries.
    expect(line.filter((v) => v !== undefined && v !== '')).toEqual([
      'REQ-2026-0007',
      '医保结算接口',
      'HIS',
      '张敏（信息科）',
      '2026-11-23 10:00',
      '2026-11-26 23:59',
      '评估中',
    ]);
  });
});
