import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChangeRequestState, ChangeStatus } from '../change-request.types';
import type { Party } from '@luyue/domain';

export interface ChangeRequestRow {
  id: string;
  contractId: string;
  contractYear: number;
  title: string;
  description: string;
  changeType: string;
  proposerParty: Party;
  status: ChangeStatus;
  replyDueAt: string | null;
  proposedAt: string;
  state: ChangeRequestState | null;
}

export interface ChangeTransitionRow {
  seq: number;
  action: string;
  actorEmail: string | null;
  party: Party | null;
  fromStatus: string;
  toStatus: string;
  at: string;
  payload: Record<string, unknown>;
}

export const CHANGE_COLUMNS = `id, contract_id AS "contractId", contract_year AS "contractYear", title,
  description, change_type AS "changeType", proposer_party AS "proposerParty", status,
  reply_due_at AS "replyDueAt", proposed_at AS "proposedAt", state`;

/** Reads of change requests for lists, pages and reports. */
@Injectable()
export class ChangeRequestQueryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(id: string): Promise<ChangeRequestRow | null> {
    const rows: ChangeRequestRow[] = await this.ds.query(
      `SELECT ${CHANGE_COLUMNS} FROM change_request WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(
    contractId: string,
    filter: { status?: ChangeStatus; page: number; pageSize: number },
  ): Promise<{ items: ChangeRequestRow[]; total: number }> {
    const params: unknown[] = [contractId];
    let where = 'contract_id = $1';
    if (filter.status) {
      params.push(filter.status);
      where += ` AND status = $${params.length}`;
    }
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM change_request WHERE ${where}`,
      params,
    );
    const items: ChangeRequestRow[] = await this.ds.query(
      `SELECT ${CHANGE_COLUMNS} FROM change_request WHERE ${where}
       ORDER BY proposed_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items, total };
  }

  async transitions(id: string): Promise<ChangeTransitionRow[]> {
    return this.ds.query(
      `SELECT seq, action, actor_email AS "actorEmail", party, from_status AS "fromStatus",
         to_status AS "toStatus", at, payload
       FROM change_request_transition WHERE change_request_id = $1 ORDER BY seq`,
      [id],
    );
  }

  /** Open changes, to tell their workflows that a year's official calendar was loaded. */
  async openIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM change_request WHERE status = 'awaiting_replies'`,
    );
    return rows.map((r) => r.id);
  }

  /** Silent parties per contract year, for the yearly report. */
  async breaches(
    contractId: string,
    year: number,
  ): Promise<Array<{ changeRequestId: string; party: Party; dueAt: string }>> {
    return this.ds.query(
      `SELECT change_request_id AS "changeRequestId", party, due_at AS "dueAt"
       FROM change_request_breach WHERE contract_id = $1 AND contract_year = $2 ORDER BY id`,
      [contractId, year],
    );
  }

  /** A contract year's changes by status, and its silent parties' breaches by party. */
  async yearCounts(
    contractId: string,
    year: number,
  ): Promise<{
    byStatus: Array<{ status: ChangeStatus; n: number }>;
    breachesByParty: Array<{ party: Party; n: number }>;
  }> {
    const [byStatus, breachesByParty] = await Promise.all([
      this.ds.query<Array<{ status: ChangeStatus; n: number }>>(
        `SELECT status, count(*)::int AS n FROM change_request
         WHERE contract_id = $1 AND contract_year = $2 GROUP BY status`,
        [contractId, year],
      ),
      this.ds.query<Array<{ party: Party; n: number }>>(
        `SELECT party, count(*)::int AS n FROM change_request_breach
         WHERE contract_id = $1 AND contract_year = $2 GROUP BY party`,
        [contractId, year],
      ),
    ]);
    return { byStatus, breachesByParty };
  }
}
