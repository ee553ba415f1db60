import ExcelJS from 'exceljs';
import type { FaultClock, FaultTicketState } from '@luyue/fault-ticket/definitions';
import { FAULT_LEDGER_COLUMNS, FaultLedgerExporter } from './fault-figures.exporter';

const clock = (c: Partial<FaultClock>): FaultClock =>
  ({
    dueAt: null,
    stoppedAt: null,
    breachedAt: null,
    met: null,
    overrunMinutes: null,
    ...c,
  }) as FaultClock;

const TICKET = {
  number: 'GZ-2026-0003',
  system: 'HIS',
  level: 'level_1',
  title: '门诊挂号无法提交',
  reportedAt: '2026-03-02T01:00:00.000Z',
  status: 'restored',
  clocks: [
    clock({
      kind: 'response',
      stoppedAt: '2026-03-02T01:05:00.000Z',
      met: true,
      overrunMinutes: 0,
    }),
    clock({
      kind: 'recovery',
      stoppedAt: '2026-03-02T01:50:00.000Z',
      breachedAt: '2026-03-02T01:30:00.000Z',
      met: false,
      overrunMinutes: 20,
    }),
    clock({ kind: 'report', dueAt: '2026-03-03T01:00:00.000Z' }),
  ],
  log: [{ step: 'pause' }],
  cause: '数据库锁等待',
  solution: '重启服务',
} as unknown as FaultTicketState;

async function readBack(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    content.buffer.slice(
      content.byteOffset,
      content.byteOffset + content.byteLength,
    ) as ArrayBuffer,
  );
  const rows: unknown[][] = [];
  workbook.getWorksheet('故障台账')!.eachRow((row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? ''));
  });
  return rows;
}

describe('FaultLedgerExporter', () => {
  it('writes the zh-CN header and one row per ticket, each clock due, done, met and overrun', async () => {
    const file = await new FaultLedgerExporter().export({ number: 'YW-1', name: '运维' }, 2, [
      TICKET,
    ]);
    expect(file.filename).toBe('YW-1-Y2-故障台账.xlsx');
    const [header, row, ...rest] = await readBack(file.content);
    expect(header).toEqual(FAULT_LEDGER_COLUMNS);
    expect(header.slice(0, 8)).toEqual([
      '工单编号',
      '系统',
      '故障级别',
      '故障现象',
      '报告时间',
      '状态',
      '响应到期时间',
      '响应完成时间',
    ]);
    expect(rest).toEqual([]);
    expect(row).toEqual([
      'GZ-2026-0003',
      'HIS',
      '一级',
      '门诊挂号无法提交',
      '2026-03-02 09:00',
      '已恢复',
      '',
      '2026-03-02 09:05',
      '是',
      0,
      '',
      '',
      '',
      '',
      '2026-03-02 09:30',
      '2026-03-02 09:50',
      '否',
      20,
      '2026-03-03 09:00',
      '',
      '',
      '',
      1,
      '数据库锁等待',
      '重启服务',
    ]);
  });
});
