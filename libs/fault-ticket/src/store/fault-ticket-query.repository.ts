import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FaultStatus, FaultTicketState } from '../fault-ticket.types';
import type { FaultLevel, SlaClock } from '../sla-policy';

export interface FaultTicketRecord {
  id: string;
  number: string;
  contractId: string;
  contractYear: number;
  system: string;
  title: string;
  level: FaultLevel;
  status: FaultStatus;
  reportedAt: string;
  nextDueAt: string | null;
  paused: boolean;
  state: FaultTicketState | null;
}

export interface FaultTicketFilters {
  contractYear?: number;
  level?: FaultLevel;
  state?: FaultStatus;
  open?: boolean;
  page: number;
  pageSize: number;
}

export interface FaultBreachRecord {
  ticketId: string;
  clock: SlaClock;
  level: FaultLevel;
  overrunMinutes: number | null;
}

/** The record's columns, for this process's other queries. */
export const FAULT_TICKET_COLUMNS = `id, number, contract_id AS "contractId", contract_year AS "contractYear", system,
  title, level, state AS status, reported_at AS "reportedAt", next_due_at AS "nextDueAt", paused,
  workflow_state AS state`;

export const isoTicket = (r: FaultTicketRecord): FaultTicketRecord => ({
  ...r,
  reportedAt: new Date(r.reportedAt).toISOString(),
  nextDueAt: r.nextDueAt && new Date(r.nextDueAt).toISOString(),
});

/** Reads of fault tickets: one ticket, a contract's list, a contract year's tickets and breaches. */
@Injectable()
export class FaultTicketQueryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(id: string): Promise<FaultTicketRecord | null> {
    const rows: FaultTicketRecord[] = await this.ds.query(
      `SELECT ${FAULT_TICKET_COLUMNS} FROM fault_ticket WHERE id = $1`,
      [id],
    );
    return rows[0] ? isoTicket(rows[0]) : null;
  }

  async list(
    contractId: string,
    f: FaultTicketFilters,
  ): Promise<{ items: FaultTicketRecord[]; total: number }> {
    const where = [
      'contract_id = $1',
      '($2::int IS NULL OR contract_year = $2)',
      '($3::text IS NULL OR level = $3)',
      '($4::text IS NULL OR state = $4)',
      "($5::boolean IS NULL OR (state <> 'closed') = $5)",
    ].join(' AND ');
    const params = [
      contractId,
      f.contractYear ?? null,
      f.level ?? null,
      f.state ?? null,
      f.open ?? null,
    ];
    const [items, count] = await Promise.all([
      this.ds.query<FaultTicketRecord[]>(
        `SELECT ${FAULT_TICKET_COLUMNS} FROM fault_ticket WHERE ${where}
         ORDER BY (state = 'closed'), next_due_at NULLS LAST, reported_at DESC, id
         LIMIT $6 OFFSET $7`,
        [...params, f.pageSize, (f.page - 1) * f.pageSize],
      ),
      this.ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM fault_ticket WHERE ${where}`,
        params,
      ),
    ]);
    return { items: items.map(isoTicket), total: count[0].n };
  }

  /** Every ticket of a contract year with its state, for the figures and the ledger. */
  async ofYear(contractId: string, contractYear: number): Promise<FaultTicketRecord[]> {
    const rows: FaultTicketRecord[] = await this.ds.query(
      `SELECT ${FAULT_TICKET_COLUMNS} FROM fault_ticket WHERE contract_id = $1 AND contract_year = $2
       ORDER BY reported_at, id`,
      [contractId, contractYear],
    );
    return rows.map(isoTicket);
  }

  async breachesOfYear(contractId: string, contractYear: number): Promise<FaultBreachRecord[]> {
    return this.ds.query(
      `SELECT ticket_id AS "ticketId", clock, level, overrun_minutes AS "overrunMinutes"
       FROM fault_ticket_breach WHERE contract_id = $1 AND contract_year = $2
       ORDER BY breached_at, ticket_id, clock`,
      [contractId, contractYear],
    );
  }
}
