import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  KIND_LABELS,
  STATUS_LABELS,
  REQUIREMENT_LEDGER_HEADERS as H,
  yesNo,
  EXPORT_NAMES,
  formatTime,
} from '@luyue/domain';
import type { ContractRecord } from '@luyue/persistence';
import type { RequirementLedgerRow } from '@luyue/requirement';

export interface LedgerFile {
  filename: string;
  content: Buffer;
}

type Cell = string | number | null;

/** The columns of the requirement ledger (rule 1), in the order the hospital's template uses. */
const COLUMNS: Array<{ header: string; width: number; value: (r: RequirementLedgerRow) => Cell }> =
  [
    { header: H.id, width: 16, value: (r) => r.id },
    { header: H.title, width: 40, value: (r) => r.title },
    { header: H.kind, width: 10, value: (r) => (r.kind ? KIND_LABELS[r.kind] : '') },
    { header: H.system, width: 10, value: (r) => r.system },
    { header: H.submitter, width: 16, value: (r) => r.submitter },
    { header: H.submittedAt, width: 18, value: (r) => formatTime(r.submittedAt) },
    { header: H.assessmentDueAt, width: 18, value: (r) => formatTime(r.assessmentDueAt) },
    { header: H.assessedAt, width: 18, value: (r) => formatTime(r.assessedAt) },
    { header: H.assessmentOnTime, width: 12, value: (r) => yesNo(r.assessmentOnTime) },
    { header: H.estimatePersonDays, width: 10, value: (r) => r.estimatePersonDays },
    { header: H.actualPersonDays, width: 10, value: (r) => r.actualPersonDays },
    { header: H.plannedDeliveryDate, width: 12, value: (r) => r.plannedDeliveryDate ?? '' },
    { header: H.releasedAt, width: 18, value: (r) => formatTime(r.releasedAt) },
    { header: H.deliveryOnTime, width: 12, value: (r) => yesNo(r.deliveryOnTime) },
    { header: H.status, width: 10, value: (r) => STATUS_LABELS[r.status] },
    { header: H.acceptedAt, width: 18, value: (r) => formatTime(r.acceptedAt) },
    { header: H.acceptedBy, width: 16, value: (r) => r.acceptedBy ?? '' },
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
    workbook.creator = EXPORT_NAMES.creator;
    workbook.created = new Date();
    workbook.title = `${contract.name} ${EXPORT_NAMES.requirementLedger}`;
    const sheet = workbook.addWorksheet(EXPORT_NAMES.requirementLedger, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(COLUMNS.map((c) => c.value(row)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const year = contractYear === undefined ? '' : `-Y${contractYear}`;
    return {
      filename: `${contract.number}${year}-${EXPORT_NAMES.requirementLedger}.xlsx`,
      content,
    };
  }
}
