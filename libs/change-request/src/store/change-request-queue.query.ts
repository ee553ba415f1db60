import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Party, QueueScope, QueueWindow } from '@luyue/domain';
import type { ChangeStatus } from '../change-request.types';
import { CHANGE_COLUMNS, type ChangeRequestRow } from './change-request-query.repository';

/** Whose queue: the party and user, the scope, and the states his steps start from. */
export interface ChangeSelection {
  scope: QueueScope;
  party: Party;
  userId: string;
  statuses: readonly ChangeStatus[];
}

// The reply of the viewer's party ($2) still owed, and its deadline.
const MINE_PENDING = `(state -> 'replies') @> jsonb_build_array(jsonb_build_object('party', $2::text, 'decision', null))`;
const DUE_SQL = `(SELECT (x ->> 'dueAt')::timestamptz FROM jsonb_array_elements(state -> 'replies') x
  WHERE x ->> 'party' = $2::text AND x -> 'decision' = 'null'::jsonb LIMIT 1)`;

/**
 * A person's work queue of changes. Waiting for him: a step from one of his states, and while
 * replies are collected only his party's reply still owed. Optional: withdrawing his own proposal.
 */
@Injectable()
export class ChangeRequestQueueQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    contractId: string,
    sel: ChangeSelection,
    w: QueueWindow,
  ): Promise<{ items: Array<ChangeRequestRow & { dueAt: string | null }>; total: number }> {
    // A change never runs overdue (past its deadline it lapses), and has no system.
    const params: unknown[] = [contractId, sel.party, sel.statuses, w.state ?? null];
    const where = [
      `contract_id = $1 AND status = ANY($3::text[]) AND ($4::text IS NULL OR status = $4)`,
    ];
    if (sel.scope === 'decide') where.push(`(status <> 'awaiting_replies' OR ${MINE_PENDING})`);
    else {
      params.push(sel.userId);
      where.push(`state -> 'proposedBy' ->> 'userId' = $${params.length} AND NOT ${MINE_PENDING}`);
    }
    if (w.dueBefore) {
      params.push(w.dueBefore);
      where.push(`${DUE_SQL} < $${params.length}`);
    }
    if (w.overdue || w.system) where.push('false');
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM change_request WHERE ${where.join(' AND ')}`,
      params,
    );
    if (w.pageSize === 0) return { items: [], total };
    const rows: Array<ChangeRequestRow & { dueAt: Date | null }> = await this.ds.query(
      `SELECT ${CHANGE_COLUMNS}, ${DUE_SQL} AS "dueAt" FROM change_request WHERE ${where.join(' AND ')}
       ORDER BY "dueAt" ${w.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, proposed_at, id
       LIMIT ${w.pageSize} OFFSET ${(w.page - 1) * w.pageSize}`,
      params,
    );
    return { total, items: rows.map((r) => ({ ...r, dueAt: r.dueAt?.toISOString() ?? null })) };
  }
}
