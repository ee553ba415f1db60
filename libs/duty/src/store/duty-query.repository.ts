import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DutyKind } from '../duty-plan';
import type { DutyState, DutyStatus } from '../duty.types';
import type { DutyLinkRecord, DutyLinkType } from './duty.store';

export interface DutyOccurrenceRecord {
  id: string;
  number: string;
  contractId: string;
  contractYear: number;
  planId: string;
  kind: DutyKind;
  title: string;
  windowStart: string;
  dueDay: string;
  recordDueAt: string;
  provisional: boolean;
  status: DutyStatus;
  breachedAt: string | null;
  doneAt: string | null;
  state: DutyState;
}

export interface DutyFilters {
  contractYear?: number;
  kind?: DutyKind;
  state?: DutyStatus;
  planId?: string;
  /** Due on or before this day (what is due by now). */
  dueBy?: string;
  page: number;
  pageSize: number;
}

export const DUTY_COLUMNS = `id, number, contract_id AS "contractId", contract_year AS "contractYear",
  plan_id AS "planId", kind, title, to_char(window_start, 'YYYY-MM-DD') AS "windowStart",
  to_char(due_day, 'YYYY-MM-DD') AS "dueDay", record_due_at AS "recordDueAt", provisional,
  state AS status, breached_at AS "breachedAt", done_at AS "doneAt", workflow_state AS state`;

const iso = (v: string | null): string | null => v && new Date(v).toISOString();
export const isoDuty = (r: DutyOccurrenceRecord): DutyOccurrenceRecord => ({
  ...r,
  recordDueAt: new Date(r.recordDueAt).toISOString(),
  breachedAt: iso(r.breachedAt),
  doneAt: iso(r.doneAt),
});

/** Reads of duty occurrences: one, a contract's list, a year's, and their links. */
@Injectable()
export class DutyQueryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(id: string): Promise<DutyOccurrenceRecord | null> {
    const rows: DutyOccurrenceRecord[] = await this.ds.query(
      `SELECT ${DUTY_COLUMNS} FROM duty_occurrence WHERE id = $1`,
      [id],
    );
    return rows[0] ? isoDuty(rows[0]) : null;
  }

  async list(
    contractId: string,
    f: DutyFilters,
  ): Promise<{ items: DutyOccurrenceRecord[]; total: number }> {
    const where = [
      'contract_id = $1',
      '($2::int IS NULL OR contract_year = $2)',
      '($3::text IS NULL OR kind = $3)',
      '($4::text IS NULL OR state = $4)',
      '($5::uuid IS NULL OR plan_id = $5)',
      '($6::date IS NULL OR due_day <= $6)',
    ].join(' AND ');
    const params = [
      contractId,
      f.contractYear ?? null,
      f.kind ?? null,
      f.state ?? null,
      f.planId ?? null,
      f.dueBy ?? null,
    ];
    const [items, count] = await Promise.all([
      this.ds.query<DutyOccurrenceRecord[]>(
        `SELECT ${DUTY_COLUMNS} FROM duty_occurrence WHERE ${where}
         ORDER BY (state IN ('signed', 'cancelled')), record_due_at, number
         LIMIT $7 OFFSET $8`,
        [...params, f.pageSize, (f.page - 1) * f.pageSize],
      ),
      this.ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM duty_occurrence WHERE ${where}`,
        params,
      ),
    ]);
    return { items: items.map(isoDuty), total: count[0].n };
  }

  /** Every occurrence of a contract year, for the figures and the XLSX. */
  async ofYear(contractId: string, contractYear: number): Promise<DutyOccurrenceRecord[]> {
    const rows: DutyOccurrenceRecord[] = await this.ds.query(
      `SELECT ${DUTY_COLUMNS} FROM duty_occurrence WHERE contract_id = $1 AND contract_year = $2
       ORDER BY due_day, number`,
      [contractId, contractYear],
    );
    return rows.map(isoDuty);
  }

  /** A contract's occurrences due in a calendar month (`YYYY-MM`), for the monthly summary. */
  async ofMonth(contractId: string, month: string): Promise<DutyOccurrenceRecord[]> {
    const rows: DutyOccurrenceRecord[] = await this.ds.query(
      `SELECT ${DUTY_COLUMNS} FROM duty_occurrence
       WHERE contract_id = $1 AND due_day >= ($2 || '-01')::date
         AND due_day < ($2 || '-01')::date + interval '1 month'
       ORDER BY due_day, number`,
      [contractId, month],
    );
    return rows.map(isoDuty);
  }

  async linksOf(occurrenceId: string): Promise<DutyLinkRecord[]> {
    return this.ds.query(
      `SELECT occurrence_id AS "occurrenceId", item_key AS "itemKey", subject_type AS "subjectType",
         subject_id AS "subjectId" FROM duty_link WHERE occurrence_id = $1 ORDER BY created_at`,
      [occurrenceId],
    );
  }

  /** The duties whose abnormal item opened this fault ticket or requirement. */
  async linkedTo(
    subjectType: DutyLinkType,
    subjectId: string,
  ): Promise<Array<{ id: string; number: string; title: string; itemKey: string }>> {
    return this.ds.query(
      `SELECT o.id, o.number, o.title, l.item_key AS "itemKey"
       FROM duty_link l JOIN duty_occurrence o ON o.id = l.occurrence_id
       WHERE l.subject_type = $1 AND l.subject_id = $2 ORDER BY o.number`,
      [subjectType, subjectId],
    );
  }
}
