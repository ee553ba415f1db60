import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  FINAL_REQUIREMENT_STATUSES,
  type RequirementBreachKind,
  type RequirementStatus,
} from '../requirement.types';
import {
  LEDGER_COLUMNS,
  LIST_COLUMNS,
  OVERDUE_SQL,
  STORED_COLUMNS,
  toLedgerRow,
  toListItem,
  toStored,
  type LedgerRow,
  type ListRow,
  type StoredRow,
} from './requirement-row.mapper';
import { toStats, type StatsCounts } from './requirement-stats.mapper';
import type {
  Paged,
  RequirementLedgerRow,
  RequirementListFilter,
  RequirementListItem,
  RequirementStats,
  StoredRequirement,
} from './requirement.read-models';

/** Rule 1's completion rate is accepted ÷ confirmed; confirmed means approved at some point. */
const CONFIRMED = 'approved_at IS NOT NULL';
const ACCEPTED = "status = 'accepted'";

/** What the api reads of customization requests: one request, lists, the ledger, statistics. */
@Injectable()
export class RequirementQueryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One request as stored (one read), or null. */
  async find(id: string): Promise<StoredRequirement | null> {
    const rows: StoredRow[] = await this.ds.query(
      `SELECT ${STORED_COLUMNS} FROM requirement r WHERE r.id = $1`,
      [id],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** Newest first; `overdue: false` lists the requests that are not overdue. */
  async list(
    contractId: string,
    filter: RequirementListFilter,
  ): Promise<Paged<RequirementListItem>> {
    const where = `r.contract_id = $1 AND ($2::text IS NULL OR r.status = $2)
      AND ($3::text IS NULL OR r.kind = $3) AND ($4::boolean IS NULL OR ${OVERDUE_SQL} = $4)
      AND ($5::text IS NULL OR r.system = $5)
      AND ($6::text IS NULL OR strpos(lower(r.id), lower($6)) > 0
        OR strpos(lower(r.title), lower($6)) > 0)
      AND ($7::int IS NULL OR r.contract_year = $7)`;
    const params = [
      contractId,
      filter.status ?? null,
      filter.kind ?? null,
      filter.overdue ?? null,
      filter.system ?? null,
      filter.q?.trim() || null,
      filter.contractYear ?? null,
    ];
    const counted: Array<{ total: string }> = await this.ds.query(
      `SELECT count(*) AS total FROM requirement r WHERE ${where}`,
      params,
    );
    const rows: ListRow[] = await this.ds.query(
      `SELECT ${LIST_COLUMNS} FROM requirement r WHERE ${where}
       ORDER BY r.received_at DESC, r.id DESC LIMIT $8 OFFSET $9`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      items: rows.map(toListItem),
      total: Number(counted[0].total),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** The requirement ledger of a contract (one contract year, or all), by request number. */
  async ledger(contractId: string, contractYear?: number): Promise<RequirementLedgerRow[]> {
    const rows: LedgerRow[] = await this.ds.query(
      `SELECT ${LEDGER_COLUMNS} FROM requirement r
       WHERE r.contract_id = $1 AND ($2::int IS NULL OR r.contract_year = $2)
       ORDER BY r.id`,
      [contractId, contractYear ?? null],
    );
    return rows.map(toLedgerRow);
  }

  /** The yearly report figures of one contract year (rule 1). */
  async stats(
    contractId: string,
    contractYear: number,
    workingDaysBetween: (a: Date, b: Date) => number,
  ): Promise<RequirementStats> {
    const [counts]: StatsCounts[] = await this.ds.query(
      `SELECT count(*) AS submitted,
         count(*) FILTER (WHERE ${CONFIRMED}) AS confirmed,
         count(*) FILTER (WHERE ${ACCEPTED}) AS accepted,
         count(*) FILTER (WHERE released_at IS NOT NULL) AS released,
         count(*) FILTER (WHERE release_on_time) AS released_on_time
       FROM requirement WHERE contract_id = $1 AND contract_year = $2`,
      [contractId, contractYear],
    );
    const breaches: Array<{ kind: RequirementBreachKind; n: string }> = await this.ds.query(
      `SELECT kind, count(*) AS n FROM requirement_breach
       WHERE contract_id = $1 AND contract_year = $2 GROUP BY kind`,
      [contractId, contractYear],
    );
    const assessed: Array<{ received_at: Date; assessed_at: Date }> = await this.ds.query(
      `SELECT received_at, assessed_at FROM requirement
       WHERE contract_id = $1 AND contract_year = $2 AND assessed_at IS NOT NULL`,
      [contractId, contractYear],
    );
    return toStats(
      contractYear,
      counts,
      breaches,
      assessed.map((a) => workingDaysBetween(a.received_at, a.assessed_at)),
    );
  }

  /** The ids behind the completion rate: requests confirmed, and of those the accepted ones. */
  async completionIds(
    contractId: string,
    contractYear: number,
  ): Promise<{ confirmed: string[]; accepted: string[] }> {
    const rows: Array<{ id: string; accepted: boolean }> = await this.ds.query(
      `SELECT id, (${ACCEPTED}) AS accepted FROM requirement
       WHERE contract_id = $1 AND contract_year = $2 AND ${CONFIRMED} ORDER BY id`,
      [contractId, contractYear],
    );
    return {
      confirmed: rows.map((r) => r.id),
      accepted: rows.filter((r) => r.accepted).map((r) => r.id),
    };
  }

  /** How many requests of a contract year were received each month (Shanghai), by status now. */
  async monthlyByStatus(
    contractId: string,
    contractYear: number,
  ): Promise<Array<{ month: string; status: RequirementStatus; count: number }>> {
    const rows: Array<{ month: string; status: RequirementStatus; n: string }> =
      await this.ds.query(
        `SELECT to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, status,
           count(*) AS n
         FROM requirement WHERE contract_id = $1 AND contract_year = $2
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [contractId, contractYear],
      );
    return rows.map((r) => ({ month: r.month, status: r.status, count: Number(r.n) }));
  }

  /** A contract's open requests by number and title, newest first, for a form to pick from. */
  async openChoices(
    contractId: string,
    limit: number,
  ): Promise<Array<{ id: string; title: string }>> {
    return this.ds.query(
      `SELECT id, title FROM requirement
       WHERE contract_id = $1 AND NOT (status = ANY($2::text[]))
       ORDER BY received_at DESC, id DESC LIMIT $3`,
      [contractId, FINAL_REQUIREMENT_STATUSES, limit],
    );
  }

  /** Requests whose workflow still runs (not accepted, rejected or cancelled). */
  async openRequirementIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM requirement WHERE NOT (status = ANY($1::text[])) ORDER BY id`,
      [FINAL_REQUIREMENT_STATUSES],
    );
    return rows.map((r) => r.id);
  }
}
