import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  DUTY_KIND_LABELS,
  DUTY_LEDGER_HEADERS as H,
  DUTY_SIGNER_LABELS,
  DUTY_STATUS_LABELS,
  EXPORT_NAMES,
  formatTime,
  yesNo,
} from '@luyue/domain';
import type { DutyState } from '@luyue/duty/definitions';
import type { ContractRecord } from '@luyue/persistence';

type Cell = string | number | null;
type Column = { header: string; width: number; value: (s: DutyState) => Cell };

/** One row per occurrence: what, when due, how it stands, who signed when. */
const COLUMNS: Column[] = [
  { header: H.number, width: 16, value: (s) => s.number },
  { header: H.kind, width: 10, value: (s) => s.plan.customKind ?? DUTY_KIND_LABELS[s.plan.kind] },
  { header: H.title, width: 30, value: (s) => s.plan.title },
  { header: H.systems, width: 16, value: (s) => s.plan.systems.join('、') },
  { header: H.dueDay, width: 12, value: (s) => s.slot.dueDay },
  { header: H.recordDueAt, width: 18, value: (s) => formatTime(s.slot.recordDueAt) },
  { header: H.status, width: 12, value: (s) => DUTY_STATUS_LABELS[s.status] },
  { header: H.recordedAt, width: 18, value: (s) => formatTime(s.record?.recordedAt) },
  {
    header: H.abnormal,
    width: 8,
    value: (s) => s.record?.answers.filter((a) => a.result === 'abnormal').length ?? null,
  },
  {
    header: H.signatures,
    width: 40,
    value: (s) =>
      s.signatures
        .map((g) => `${DUTY_SIGNER_LABELS[g.role]} ${g.by.name} ${formatTime(g.at)}`)
        .join('；'),
  },
  { header: H.doneAt, width: 18, value: (s) => formatTime(s.doneAt) },
  { header: H.late, width: 8, value: (s) => yesNo(s.breachedAt !== null) },
];

export const DUTY_LEDGER_COLUMNS = COLUMNS.map((c) => c.header);

/** Every occurrence of a contract year as a real .xlsx, times as Shanghai text. */
@Injectable()
export class DutyLedgerExporter {
  async export(
    contract: Pick<ContractRecord, 'number' | 'name'>,
    contractYear: number,
    duties: readonly DutyState[],
  ): Promise<{ filename: string; content: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = EXPORT_NAMES.creator;
    workbook.created = new Date();
    workbook.title = `${contract.name} ${H.sheet}`;
    const sheet = workbook.addWorksheet(H.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const d of duties) sheet.addRow(COLUMNS.map((c) => c.value(d)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    return {
      filename: `${contract.number}-Y${contractYear}-${H.sheet}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
