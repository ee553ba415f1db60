import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { LINE_STATUS_LABELS, SEVERITY_LABELS, formatTime, yesNo } from '@luyue/domain';
import type { SecurityNoticeRecord, SecurityTaskQueryRepository } from '@luyue/persistence';

type Row = Awaited<ReturnType<SecurityTaskQueryRepository['rectificationRows']>>[number];
type Cell = string | number | null;

/** The columns of the 整改清单: one row per affected asset, as the notice is checked item by item. */
const COLUMNS: Array<{ header: string; width: number; value: (r: Row, i: number) => Cell }> = [
  { header: '序号', width: 6, value: (_r, i) => i + 1 },
  { header: '风险等级', width: 10, value: (r) => SEVERITY_LABELS[r.severity] },
  { header: '问题名称', width: 48, value: (r) => r.title },
  { header: '漏洞编号/控制点', width: 20, value: (r) => r.vulnerabilityId },
  { header: '影响资产/测评对象', width: 28, value: (r) => r.label },
  { header: 'CVE', width: 24, value: (r) => r.cves.join(', ') },
  { header: '整改建议', width: 48, value: (r) => r.solution },
  { header: '整改期限', width: 18, value: (r) => formatTime(r.dueAt) },
  // A row is an asset line, so its state is the line's (a task's labels do not name them all).
  { header: '状态', width: 10, value: (r) => LINE_STATUS_LABELS[r.state] },
  { header: '复测已修复', width: 10, value: (r) => yesNo(r.fixedByRetest) },
];

export const RECTIFICATION_HEADERS = COLUMNS.map((c) => c.header);

@Injectable()
export class RectificationListExporter {
  async export(
    notice: Pick<SecurityNoticeRecord, 'number' | 'title'>,
    rows: readonly Row[],
  ): Promise<{ filename: string; content: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'luyue 履约';
    workbook.title = `${notice.number} 整改清单`;
    const sheet = workbook.addWorksheet('整改清单', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    rows.forEach((row, i) => sheet.addRow(COLUMNS.map((c) => c.value(row, i))));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    return {
      filename: `${notice.number} 整改清单.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
