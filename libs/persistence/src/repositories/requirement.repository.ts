import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  FINAL_REQUIREMENT_STATUSES,
  MAX_REQUIREMENT_SEQUENCE,
  formatRequirementId,
  summarizeQuota,
  withSettingDefaults,
  type ContractSettings,
  type QuotaEntry,
  type QuotaEntryType,
  type RequirementBreach,
  type RequirementBreachKind,
  type RequirementState,
  type WorkLogEntry,
} from '@luyue/domain';
import type {
  RequirementTransitionInput,
  RequirementTransitionResult,
} from '@luyue/temporal/definitions';
import { isUniqueViolation } from './pg-error.util';
import { projectionUpsert } from './requirement-projection.mapper';
import {
  LEDGER_COLUMNS,
  LIST_COLUMNS,
  OVERDUE_SQL,
  VIEW_COLUMNS,
  toLedgerRow,
  toListItem,
  toView,
  type LedgerRow,
  type ListRow,
  type ViewRow,
} from './requirement-row.mapper';
import { toStats, type StatsCounts } from './requirement-stats.mapper';
import type {
  NewRequirementRow,
  Paged,
  QuotaView,
  RequirementLedgerRow,
  RequirementListFilter,
  RequirementListItem,
  RequirementStats,
  RequirementView,
} from './requirement.read-models';
import type { RequirementStore } from './requirement-store.port';

interface QuotaEntryRow {
  requirement_id: string;
  type: QuotaEntryType;
  person_days: string;
  at: Date;
}

const toQuotaEntry = (r: QuotaEntryRow): QuotaEntry => ({
  requirementId: r.requirement_id,
  type: r.type,
  personDays: Number(r.person_days),
  at: r.at.toISOString(),
});

/**
 * Customization requests in PostgreSQL: the write port of the workflow's activities (every
 * method takes the transaction's EntityManager) and the api's reads (lists, ledger, statistics,
 * quota). The `requirement` row is a projection of the workflow state.
 */
@Injectable()
export class RequirementRepository implements RequirementStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The next number of a year label, `REQ-<year>-<4 digits>`. Runs outside the caller's
   * transaction by default so the counter row is not held locked while the request is written;
   * a rolled-back submission leaves a gap, which is harmless.
   */
  async allocateNumber(
    contractYearStartYear: number,
    manager: EntityManager = this.ds.manager,
  ): Promise<string> {
    const rows: Array<{ last_sequence: number }> = await manager.query(
      `INSERT INTO requirement_counter (year, last_sequence) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_sequence = requirement_counter.last_sequence + 1
       RETURNING last_sequence`,
      [contractYearStartYear],
    );
    const sequence = rows[0].last_sequence;
    if (sequence > MAX_REQUIREMENT_SEQUENCE) {
      throw new DomainError(
        'conflict',
        `All ${MAX_REQUIREMENT_SEQUENCE} request numbers of ${contractYearStartYear} are used`,
      );
    }
    return formatRequirementId(contractYearStartYear, sequence);
  }

  /** The row of a new request (status `assessing`), in the api's transaction with its audit. */
  async insertSubmitted(manager: EntityManager, row: NewRequirementRow): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO requirement (id, contract_id, contract_year, title, description, system,
           priority, submitted_by, submitted_by_email, submitted_by_name, received_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'assessing')`,
        [
          row.id,
          row.contractId,
          row.contractYear,
          row.title,
          row.description,
          row.system,
          row.priority,
          row.submittedById,
          row.submittedByEmail,
          row.submittedByName,
          row.receivedAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'requirement_pkey')) {
        throw new DomainError('conflict', `Request ${row.id} already exists`);
      }
      throw error;
    }
  }

  // ---- RequirementStore (the activities' transaction) ----

  async lockQuotaYear(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
  ): Promise<{ total: number; entries: QuotaEntry[] }> {
    // NO KEY UPDATE serializes quota writers without blocking inserts that reference the year.
    const years: Array<{ settings: Partial<ContractSettings> }> = await manager.query(
      `SELECT c.settings FROM contract_year y JOIN contract c ON c.id = y.contract_id
       WHERE y.contract_id = $1 AND y.year_no = $2
       FOR NO KEY UPDATE OF y`,
      [contractId, contractYear],
    );
    if (!years[0]) throw new Error(`contract ${contractId} has no year ${contractYear}`);
    return {
      total: withSettingDefaults(years[0].settings).interfaceQuotaPersonDays,
      entries: await this.quotaEntries(manager, contractId, contractYear),
    };
  }

  async appendQuotaEntries(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
    transitionSeq: number,
    entries: QuotaEntry[],
  ): Promise<void> {
    for (const e of entries) {
      await manager.query(
        `INSERT INTO quota_entry (contract_id, contract_year, requirement_id, seq, type,
           person_days, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [contractId, contractYear, e.requirementId, transitionSeq, e.type, e.personDays, e.at],
      );
    }
  }

  async insertTransition(
    manager: EntityManager,
    input: RequirementTransitionInput,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO requirement_transition (requirement_id, seq, action, actor_id, actor_email,
         party, from_status, to_status, payload, at, request_id, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)
       ON CONFLICT (requirement_id, seq) DO NOTHING
       RETURNING seq`,
      [
        input.requirementId,
        input.transitionSeq,
        input.action,
        input.actor?.userId ?? null,
        input.actor?.email ?? null,
        input.actor?.party ?? null,
        input.fromStatus,
        input.toStatus,
        JSON.stringify(input.payload),
        input.at,
        input.requestId,
        input.workflowId,
      ],
    );
    return rows.length === 1;
  }

  async findTransitionResult(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
  ): Promise<RequirementTransitionResult | null> {
    const rows: Array<{ result: RequirementTransitionResult | null }> = await manager.query(
      `SELECT result FROM requirement_transition WHERE requirement_id = $1 AND seq = $2`,
      [requirementId, transitionSeq],
    );
    return rows[0]?.result ?? null;
  }

  async setTransitionResult(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
    result: RequirementTransitionResult,
  ): Promise<void> {
    await manager.query(
      `UPDATE requirement_transition SET result = $3::jsonb
       WHERE requirement_id = $1 AND seq = $2`,
      [requirementId, transitionSeq, JSON.stringify(result)],
    );
  }

  async saveProjection(manager: EntityManager, state: RequirementState): Promise<void> {
    const { sql, params } = projectionUpsert(state);
    await manager.query(sql, params);
  }

  async appendWorkLog(
    manager: EntityManager,
    requirementId: string,
    transitionSeq: number,
    entry: WorkLogEntry,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO requirement_work_log (requirement_id, seq, date, person_days, note, user_id,
         user_email, logged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (requirement_id, seq) DO NOTHING`,
      [
        requirementId,
        transitionSeq,
        entry.date,
        entry.personDays,
        entry.note,
        entry.by.userId,
        entry.by.email,
        entry.loggedAt,
      ],
    );
  }

  async appendBreach(
    manager: EntityManager,
    state: Pick<RequirementState, 'requirementId' | 'contractId' | 'contractYear'>,
    transitionSeq: number,
    breach: RequirementBreach,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO requirement_breach (requirement_id, contract_id, contract_year, kind, due_at,
         recorded_at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (requirement_id, kind, due_at) DO NOTHING`,
      [
        state.requirementId,
        state.contractId,
        state.contractYear,
        breach.kind,
        breach.dueAt,
        breach.recordedAt,
        transitionSeq,
      ],
    );
  }

  // ---- reads (api) ----

  async findView(id: string): Promise<RequirementView | null> {
    const rows: ViewRow[] = await this.ds.query(
      `SELECT ${VIEW_COLUMNS} FROM requirement r WHERE r.id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    const logs: Array<{
      seq: number;
      date: string;
      person_days: string;
      note: string;
      user_id: string | null;
      user_email: string | null;
      logged_at: Date;
    }> = await this.ds.query(
      `SELECT seq, to_char(date, 'YYYY-MM-DD') AS date, person_days, note, user_id, user_email,
         logged_at
       FROM requirement_work_log WHERE requirement_id = $1 ORDER BY seq`,
      [id],
    );
    const breaches: Array<{ kind: RequirementBreachKind; due_at: Date; recorded_at: Date }> =
      await this.ds.query(
        `SELECT kind, due_at, recorded_at FROM requirement_breach
         WHERE requirement_id = $1 ORDER BY recorded_at, id`,
        [id],
      );
    return toView(
      rows[0],
      logs.map((l) => ({
        seq: l.seq,
        date: l.date,
        personDays: Number(l.person_days),
        note: l.note,
        userId: l.user_id,
        userEmail: l.user_email,
        loggedAt: l.logged_at.toISOString(),
      })),
      breaches.map((b) => ({
        kind: b.kind,
        dueAt: b.due_at.toISOString(),
        recordedAt: b.recorded_at.toISOString(),
      })),
    );
  }

  /** Newest first; `overdue: false` lists the requests that are not overdue. */
  async list(
    contractId: string,
    filter: RequirementListFilter,
  ): Promise<Paged<RequirementListItem>> {
    const where = `r.contract_id = $1 AND ($2::text IS NULL OR r.status = $2)
      AND ($3::text IS NULL OR r.kind = $3) AND ($4::boolean IS NULL OR ${OVERDUE_SQL} = $4)`;
    const params = [contractId, filter.status ?? null, filter.kind ?? null, filter.overdue ?? null];
    const counted: Array<{ total: string }> = await this.ds.query(
      `SELECT count(*) AS total FROM requirement r WHERE ${where}`,
      params,
    );
    const rows: ListRow[] = await this.ds.query(
      `SELECT ${LIST_COLUMNS} FROM requirement r WHERE ${where}
       ORDER BY r.received_at DESC, r.id DESC LIMIT $5 OFFSET $6`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      items: rows.map(toListItem),
      total: Number(counted[0].total),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** The 需求管理台账 of a contract (one contract year, or all), by request number. */
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
         count(*) FILTER (WHERE approved_at IS NOT NULL) AS confirmed,
         count(*) FILTER (WHERE status = 'accepted') AS accepted,
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

  /** The interface quota of a contract year (rule 2); not_found when the year does not exist. */
  async quota(contractId: string, contractYear: number): Promise<QuotaView> {
    const years: Array<{ settings: Partial<ContractSettings> }> = await this.ds.query(
      `SELECT c.settings FROM contract_year y JOIN contract c ON c.id = y.contract_id
       WHERE y.contract_id = $1 AND y.year_no = $2`,
      [contractId, contractYear],
    );
    if (!years[0]) {
      throw new DomainError('not_found', `The contract has no year ${contractYear}`);
    }
    const entries = await this.quotaEntries(this.ds.manager, contractId, contractYear);
    const total = withSettingDefaults(years[0].settings).interfaceQuotaPersonDays;
    return { ...summarizeQuota(total, entries), year: contractYear, entries };
  }

  /** Requests whose workflow still runs (not accepted, rejected or cancelled). */
  async openRequirementIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM requirement WHERE NOT (status = ANY($1::text[])) ORDER BY id`,
      [FINAL_REQUIREMENT_STATUSES],
    );
    return rows.map((r) => r.id);
  }

  private async quotaEntries(
    manager: EntityManager,
    contractId: string,
    contractYear: number,
  ): Promise<QuotaEntry[]> {
    const rows: QuotaEntryRow[] = await manager.query(
      `SELECT requirement_id, type, person_days, at FROM quota_entry
       WHERE contract_id = $1 AND contract_year = $2 ORDER BY id`,
      [contractId, contractYear],
    );
    return rows.map(toQuotaEntry);
  }
}
