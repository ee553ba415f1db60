import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueueWindow } from '@luyue/domain';
import type { DutySignerRole } from '../duty-plan';
import { DUTY_COLUMNS, isoDuty, type DutyOccurrenceRecord } from './duty-query.repository';

/**
 * What waits for a person: for the vendor, occurrences to record whose window has opened (a
 * weekly report due in ten months waits for nobody yet); for a signer, records his role has not
 * signed.
 */
export interface DutySelection {
  records: boolean;
  signerRoles: readonly DutySignerRole[];
  /** Shanghai day: windows opened by then. */
  today: string;
}

/** A person's work queue of duties, filtered and paged by the record's deadline, in SQL. */
@Injectable()
export class DutyQueueQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    contractId: string,
    sel: DutySelection,
    w: QueueWindow,
  ): Promise<{ items: DutyOccurrenceRecord[]; total: number }> {
    const { where, params } = whereOf(contractId, sel, w);
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM duty_occurrence WHERE ${where}`,
      params,
    );
    if (w.pageSize === 0) return { items: [], total };
    const items: DutyOccurrenceRecord[] = await this.ds.query(
      `SELECT ${DUTY_COLUMNS} FROM duty_occurrence WHERE ${where}
       ORDER BY record_due_at ${w.order === 'desc' ? 'DESC' : 'ASC'}, number
       LIMIT ${w.pageSize} OFFSET ${(w.page - 1) * w.pageSize}`,
      params,
    );
    return { items: items.map(isoDuty), total };
  }
}

function whereOf(
  contractId: string,
  sel: DutySelection,
  w: QueueWindow,
): { where: string; params: unknown[] } {
  const params: unknown[] = [contractId];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const mine: string[] = [];
  if (sel.records) {
    mine.push(`(state IN ('open', 'returned') AND window_start <= ${param(sel.today)}::date)`);
  }
  if (sel.signerRoles.length > 0) {
    mine.push(`(state = 'recorded' AND EXISTS (SELECT 1 FROM unnest(${param(sel.signerRoles)}::text[]) AS r(role)
      WHERE workflow_state->'plan'->'signers' ? r.role
        AND NOT workflow_state->'signatures' @> jsonb_build_array(jsonb_build_object('role', r.role))))`);
  }
  const where = ['contract_id = $1', mine.length > 0 ? `(${mine.join(' OR ')})` : 'false'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (w.system) add((p) => `workflow_state->'plan'->'systems' ? ${p}`, w.system);
  if (w.state) add((p) => `state = ${p}`, w.state);
  if (w.dueBefore) add((p) => `record_due_at < ${p}`, w.dueBefore);
  if (w.overdue !== undefined) {
    where.push(w.overdue ? 'record_due_at < now()' : 'record_due_at >= now()');
  }
  return { where: where.join(' AND '), params };
}
