import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { KIND_LABELS, STATUS_LABELS } from '@luyue/domain';
import type { ContractRecord, RequirementLedgerRow } from '@luyue/persistence';
import { shanghaiMinute, yesNo } from './requirement-labels';

export interface LedgerFile {
  filename: string;
  content: Buffer;
}

type Cell = string | number | null;

/** The columns of the 需求管理台账 (rule 1), in the order the hospital's template uses. */
const COLUMNS: Array<{ header: string; width: number; value: (r: RequirementLedgerRow) => Cell }> =
  [
    { header: '编号', width: 16, value: (r) => r.id },
    { header: '标题', width: 40, value: (r) => r.title },
    { header: '类型', width: 10, value: (r) => (r.kind ? KIND_LABELS[r.kind] : '') },
    { header: '系统', width: 10, value: (r) => r.system },
    { header: '提交人', width: 16, value: (r) => r.submitter },
    { header: '提交时间', width: 18, value: (r) => shanghaiMinute(r.submittedAt) },
    { header: '评估期限', width: 18, value: (r) => shanghaiMinute(r.assessmentDueAt) },
    { header: '评估完成', width: 18, value: (r) => shanghaiMinute(r.assessedAt) },
    { header: '评估是否按时', width: 12, value: (r) => yesNo(r.assessmentOnTime) },
    { header: '估算人天', width: 10, value: (r) => r.estimatePersonDays },
    { header: '实际人天', width: 10, value: (r) => r.actualPersonDays },
    { header: '计划交付', width: 12, value: (r) => r.plannedDeliveryDate ?? '' },
    { header: '实际交付', width: 18, value: (r) => shanghaiMinute(r.releasedAt) },
    { header: '交付是否按时', width: 12, value: (r) => yesNo(r.deliveryOnTime) },
    { header: '状态', width: 10, value: (r) => STATUS_LABELS[r.status] },
    { header: '验收时间', width: 18, value: (r) => shanghaiMinute(r.acceptedAt) },
    { header: '验收人', width: 16, value: (r) => r.acceptedBy ?? '' },
  ];

export const LEDGER_HEADERS = COLUMNS.map((c) => c.header);

/**
 * Writes the ledger as a real .xlsx: one header row, one row per request; times as text in
 * Asia/Shanghai (an Excel date has no time zone), person-days as numbers.
 */
@Injectable()
export class RequirementLedgerExporter {
  async export(
    contract: Pick<ContractRecord, 'number' | 'name'>,
    rows: readonly RequirementLedgerRow[],
    contractYear?: number,
  ): Promise<LedgerFile> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'luyue 履约';
    workbook.created = new Date();
    workbook.title = `${contract.name} 需求管理台账`;
    const sheet = workbook.addWorksheet('需求管理台账', {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(COLUMNS.map((c) => c.value(row)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const year = contractYear === undefined ? '' : `-Y${contractYear}`;
    return { filename: `${contract.number}${year}-需求管理台账.xlsx`, content };
  }
}
