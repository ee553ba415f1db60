import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueueWindow } from '@luyue/domain';
import type { FaultStatus } from '../fault-ticket.types';
import {
  FAULT_TICKET_COLUMNS,
  isoTicket,
  type FaultTicketRecord,
} from './fault-ticket-query.repository';

/** What waits while a pause or an extension is pending, read from the ticket's state. */
const PENDING_SQL = {
  pause: `(jsonb_typeof(workflow_state->'pause') = 'object'
    AND workflow_state->'pause'->>'since' IS NULL)`,
  extension: `jsonb_typeof(workflow_state->'extension') = 'object'`,
} as const;
export type FaultPending = keyof typeof PENDING_SQL;

/**
 * The open tickets of a queue: those in the states where the person has a step (`statuses`) and,
 * for `decide`, those with a pending pause or extension he answers; for `optional`, without them.
 */
export interface FaultSelection {
  scope: 'decide' | 'optional';
  statuses: readonly FaultStatus[];
  answers: readonly FaultPending[];
}

/** A person's work queue of fault tickets: filtered and paged by the next due time, in SQL. */
@Injectable()
export class FaultTicketQueueQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    contractId: string,
    sel: FaultSelection,
    w: QueueWindow,
  ): Promise<{ items: FaultTicketRecord[]; total: number }> {
    const { where, params } = whereOf(contractId, sel, w);
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM fault_ticket WHERE ${where}`,
      params,
    );
    if (w.pageSize === 0) return { items: [], total };
    const items: FaultTicketRecord[] = await this.ds.query(
      `SELECT ${FAULT_TICKET_COLUMNS} FROM fault_ticket WHERE ${where}
       ORDER BY next_due_at ${w.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, reported_at, id
       LIMIT ${w.pageSize} OFFSET ${(w.page - 1) * w.pageSize}`,
      params,
    );
    return { items: items.map(isoTicket), total };
  }
}

function whereOf(
  contractId: string,
  sel: FaultSelection,
  w: QueueWindow,
): { where: string; params: unknown[] } {
  const pending =
    sel.answers.length > 0 ? sel.answers.map((a) => PENDING_SQL[a]).join(' OR ') : 'false';
  const where = [
    'contract_id = $1',
    "state <> 'closed'",
    sel.scope === 'decide'
      ? `(state = ANY($2::text[]) OR ${pending})`
      : `(state = ANY($2::text[]) AND NOT (${pending}))`,
  ];
  const params: unknown[] = [contractId, sel.statuses];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (w.system) add((p) => `system = ${p}`, w.system);
  if (w.state) add((p) => `state = ${p}`, w.state);
  if (w.dueBefore) add((p) => `next_due_at < ${p}`, w.dueBefore);
  if (w.overdue !== undefined) {
    where.push(w.overdue ? 'next_due_at < now()' : '(next_due_at IS NULL OR next_due_at >= now())');
  }
  return { where: where.join(' AND '), params };
}
