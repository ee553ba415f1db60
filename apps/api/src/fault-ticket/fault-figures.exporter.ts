import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  EXPORT_NAMES,
  FAULT_LEDGER_HEADERS as H,
  FAULT_LEVEL_LABELS,
  FAULT_STATUS_LABELS,
  FAULT_TICKET_TERMS,
  formatTime,
  yesNo,
} from '@luyue/domain';
import {
  isOverrun,
  pauseCount,
  SLA_CLOCKS,
  type FaultClock,
  type FaultTicketState,
  type SlaClock,
} from '@luyue/fault-ticket/definitions';
import type { ContractRecord } from '@luyue/persistence';

type Cell = string | number | null;
type Column = { header: string; width: number; value: (s: FaultTicketState) => Cell };

const clockOf = (s: FaultTicketState, kind: SlaClock): FaultClock | undefined =>
  s.clocks.find((c) => c.kind === kind);

/**
 * A clock's four cells. Due: while running its due time; once breached the instant it fell due
 * (the breach timer's, or the late stop's); a clock stopped in time keeps no due time. Met: yes
 * once stopped in time, no once breached, empty while running. The overrun is measured at stop.
 */
function clockColumns(kind: SlaClock): Column[] {
  const h = H.clocks[kind];
  const cell = (f: (c: FaultClock) => Cell) => (s: FaultTicketState) => {
    const c = clockOf(s, kind);
    return c ? f(c) : '';
  };
  return [
    { header: h.due, width: 18, value: cell((c) => formatTime(c.dueAt ?? c.breachedAt)) },
    { header: h.doneAt, width: 18, value: cell((c) => formatTime(c.stoppedAt)) },
    {
      header: h.met,
      width: 8,
      value: cell((c) => yesNo(isOverrun(c) ? false : c.stoppedAt ? true : null)),
    },
    { header: h.overrun, width: 10, value: cell((c) => c.overrunMinutes) },
  ];
}

/** The ledger's columns: the ticket, each clock a level may run, then how it ended. */
const COLUMNS: Column[] = [
  { header: H.number, width: 16, value: (s) => s.number },
  { header: H.system, width: 10, value: (s) => s.system },
  { header: H.level, width: 8, value: (s) => FAULT_LEVEL_LABELS[s.level] },
  { header: H.title, width: 36, value: (s) => s.title },
  { header: H.reportedAt, width: 18, value: (s) => formatTime(s.reportedAt) },
  { header: H.status, width: 12, value: (s) => FAULT_STATUS_LABELS[s.status] },
  ...SLA_CLOCKS.flatMap(clockColumns),
  { header: H.pauses, width: 8, value: (s) => pauseCount(s) },
  { header: H.cause, width: 36, value: (s) => s.cause },
  { header: H.solution, width: 36, value: (s) => s.solution },
];

export const FAULT_LEDGER_COLUMNS = COLUMNS.map((c) => c.header);

/** The fault ledger of a contract year as a real .xlsx: one row per ticket, times as Shanghai text. */
@Injectable()
export class FaultLedgerExporter {
  async export(
    contract: Pick<ContractRecord, 'number' | 'name'>,
    contractYear: number,
    tickets: readonly FaultTicketState[],
  ): Promise<{ filename: string; content: Buffer }> {
    const name = FAULT_TICKET_TERMS.ledger;
    const workbook = new ExcelJS.Workbook();
    workbook.creator = EXPORT_NAMES.creator;
    workbook.created = new Date();
    workbook.title = `${contract.name} ${name}`;
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const t of tickets) sheet.addRow(COLUMNS.map((c) => c.value(t)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    return {
      filename: `${contract.number}-Y${contractYear}-${name}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
