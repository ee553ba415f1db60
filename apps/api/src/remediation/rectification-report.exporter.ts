import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
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
  async export(report: RectificationReport): Promise<{ filename: string; content: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'luyue 履约';
    workbook.title = `${report.notice.number} 整改报告`;
    const sheet = workbook.addWorksheet('整改报告', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of report.rows) {
      sheet.addRow(COLUMNS.map((c) => c.value(row))).alignment = {
        vertical: 'top',
        wrapText: true,
      };
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    return {
      filename: `${report.notice.number} 整改报告.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
