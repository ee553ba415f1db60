import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { RECTIFICATION_REPORT_LABELS as L } from '@luyue/domain';
import type { RectificationReport, ReportLineRow } from './rectification-report.builder';

type Cell = string | number;

/**
 * The columns of the 整改报告: one row per asset line, as the notice is checked item by item
 * (按甲方出具的安全整改通知单逐项核验) and as the 整改清单 lists it; a task's fix and retest
 * repeat on each of its lines, so every row reads on its own after filtering.
 */
const COLUMNS: Array<{ header: string; width: number; value: (r: ReportLineRow) => Cell }> = [
  { header: '序号', width: 6, value: (r) => r.no },
  { header: '整改项', width: 44, value: (r) => r.title },
  { header: '风险等级', width: 10, value: (r) => r.severity },
  { header: '资产', width: 28, value: (r) => r.asset },
  { header: '整改状态', width: 14, value: (r) => r.status },
  { header: '整改说明', width: 44, value: (r) => r.fixNotes },
  {
    header: '证明材料',
    width: 60,
    value: (r) => r.proof.map((p) => `${p.filename} sha256:${p.sha256}`).join('\n'),
  },
  { header: '复验结果', width: 14, value: (r) => r.retestResult },
  { header: '复验日期', width: 18, value: (r) => r.retestDate },
  { header: '完成日期', width: 18, value: (r) => r.completedAt },
];

export const RECTIFICATION_REPORT_HEADERS = COLUMNS.map((c) => c.header);

@Injectable()
export class RectificationReportExporter {
  /**
   * As the printable page: the notice's header and the summary above the line table, the
   * attestation and the 甲方 / 乙方 signature rows below it.
   */
  async export(report: RectificationReport): Promise<{ filename: string; content: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'luyue 履约';
    workbook.title = `${report.notice.number} 整改报告`;
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
    const sheet = workbook.addWorksheet('整改报告', {
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
      filename: `${report.notice.number} 整改报告.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
