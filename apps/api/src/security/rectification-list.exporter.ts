import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  LINE_STATUS_LABELS,
  SEVERITY_LABELS,
  formatTime,
  yesNo,
  RECTIFICATION_LIST_HEADERS as LH,
  EXPORT_NAMES,
} from '@luyue/domain';
import type { SecurityNoticeRecord, SecurityTaskQueryRepository } from '@luyue/security';
type Row = Awaited<ReturnType<SecurityTaskQueryRepository['rectificationRows']>>[number];
type Cell = string | number | null;

/** The columns of the rectification list: one row per affected asset, as the notice is checked item by item. */
const COLUMNS: Array<{ header: string; width: number; value: (r: Row, i: number) => Cell }> = [
  { header: LH.no, width: 6, value: (_r, i) => i + 1 },
  { header: LH.severity, width: 10, value: (r) => SEVERITY_LABELS[r.severity] },
  { header: LH.title, width: 48, value: (r) => r.title },
  { header: LH.vulnerabilityId, width: 20, value: (r) => r.vulnerabilityId },
  { header: LH.asset, width: 28, value: (r) => r.label },
  { header: 'CVE', width: 24, value: (r) => r.cves.join(', ') },
  { header: LH.solution, width: 48, value: (r) => r.solution },
  { header: LH.dueAt, width: 18, value: (r) => formatTime(r.dueAt) },
  // A row is an asset line, so its state is the line's (a task's labels do not name them all).
  { header: LH.status, width: 10, value: (r) => LINE_STATUS_LABELS[r.state] },
  { header: LH.fixedByRetest, width: 10, value: (r) => yesNo(r.fixedByRetest) },
];

export const RECTIFICATION_HEADERS = COLUMNS.map((c) => c.header);

@Injectable()
export class RectificationListExporter {
  async export(
    notice: Pick<SecurityNoticeRecord, 'number' | 'title'>,
    rows: readonly Row[],
  ): Promise<{ filename: string; content: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = EXPORT_NAMES.creator;
    workbook.title = `${notice.number} ${EXPORT_NAMES.rectificationList}`;
    const sheet = workbook.addWorksheet(EXPORT_NAMES.rectificationList, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    rows.forEach((row, i) => sheet.addRow(COLUMNS.map((c) => c.value(row, i))));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    return {
      filename: `${notice.number} ${EXPORT_NAMES.rectificationList}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
