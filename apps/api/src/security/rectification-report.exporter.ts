import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  RECTIFICATION_REPORT_LABELS as L,
  RECTIFICATION_REPORT_COLUMN_HEADERS as RH,
  EXPORT_NAMES,
} from '@luyue/domain';
import type { RectificationReport, ReportLineRow } from './rectification-report.builder';

type Cell = string | number;

/**
 * The columns of the rectification report: one row per asset line, as the notice is checked
 * item by item and as the rectification list lists it; a task's fix and retest
 * repeat on each of its lines, so every row reads on its own after filtering.
 */
const COLUMNS: Array<{ header: string; width: number; value: (r: ReportLineRow) => Cell }> = [
  { header: RH.no, width: 6, value: (r) => r.no },
  { header: RH.title, width: 44, value: (r) => r.title },
  { header: RH.severity, width: 10, value: (r) => r.severity },
  { header: RH.asset, width: 28, value: (r) => r.asset },
  { header: RH.status, width: 14, value: (r) => r.status },
  { header: RH.fixNotes, width: 44, value: (r) => r.fixNotes },
  {
    header: RH.proof,
    width: 60,
    value: (r) => r.proof.map((p) => `${p.filename} sha256:${p.sha256}`).join('\n'),
  },
  { header: RH.retestResult, width: 14, value: (r) => r.retestResult },
  { header: RH.retestDate, width: 18, value: (r) => r.retestDate },
  { header: RH.completedAt, width: 18, value: (r) => r.completedAt },
];

export const RECTIFICATION_REPORT_HEADERS = COLUMNS.map((c) => c.header);

@Injectable()
export class RectificationReportExporter {
  /**
   * As the printable page: the notice's header and the summary above the line table, the
   * attestation and the hospital / vendor signature rows below it.
   */
  async export(report: RectificationReport): Promise<{ filename: string; content: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = EXPORT_NAMES.creator;
    workbook.title = `${report.notice.number} ${EXPORT_NAMES.rectificationReport}`;
    const { notice, summary } = report;
    const top: Cell[][] = [
      [L.title],
      [L.number, notice.number, L.noticeTitle, notice.title],
      [L.assessor, notice.assessor, L.source, notice.sourceLabel],
      [L.issued, notice.issued, L.generated, report.generatedAt],
      [L.issuedItems, summary.issued, L.completed, summary.completed],
      [L.rate, summary.rate, L.riskAccepted, summary.riskAccepted],
      [],
    ];
    const headerRow = top.length + 1;
    const sheet = workbook.addWorksheet(EXPORT_NAMES.rectificationReport, {
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
    for (const cells of top) sheet.addRow(cells);
    sheet.getRow(1).font = { bold: true, size: 14 };
    const header = sheet.addRow(COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    for (const row of report.rows) {
      sheet.addRow(COLUMNS.map((c) => c.value(row))).alignment = {
        vertical: 'top',
        wrapText: true,
      };
    }
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: COLUMNS.length },
    };
    sheet.addRow([]);
    sheet.addRow([L.attestation]);
    sheet.addRow([L.hospitalSign, '', '', '', L.vendorSign]);
    sheet.addRow([L.date, '', '', '', L.date]);
    return {
      filename: `${report.notice.number} ${EXPORT_NAMES.rectificationReport}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
