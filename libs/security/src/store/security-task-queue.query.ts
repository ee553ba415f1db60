import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueueWindow } from '@luyue/domain';
import type { FindingSeverity } from '../security-finding.types';
import type { RemediationStatus } from '../security-task.types';
import { isoDue, TASK_COLUMNS, type SecurityTaskRecord } from './security-task-query.repository';

/** The tasks a queue holds: states the person acts in, and (for a step ruled by severity) severities. */
export interface TaskSelection {
  statuses: readonly RemediationStatus[];
  severities?: readonly FindingSeverity[];
}

/** One notice of a queue, counted by severity and by state. */
export interface NoticeGroupRow {
  noticeId: string;
  number: string;
  title: string;
  severity: FindingSeverity;
  state: RemediationStatus;
  n: number;
}

/** A person's work queue of security tasks: filtered, paged by due date, or counted by notice. */
@Injectable()
export class SecurityTaskQueueQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    contractId: string,
    sel: TaskSelection,
    w: QueueWindow,
  ): Promise<{ items: SecurityTaskRecord[]; total: number }> {
    const { where, params } = whereOf(contractId, sel, w);
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM security_task t WHERE ${where}`,
      params,
    );
    if (w.pageSize === 0) return { items: [], total };
    const items: SecurityTaskRecord[] = await this.ds.query(
      `SELECT ${TASK_COLUMNS} FROM security_task t JOIN security_notice n ON n.id = t.notice_id
       WHERE ${where} ORDER BY t.due_at ${w.order === 'desc' ? 'DESC' : 'ASC'}, t.id
       LIMIT ${w.pageSize} OFFSET ${(w.page - 1) * w.pageSize}`,
      params,
    );
    return { items: items.map(isoDue), total };
  }

  /** The queue's tasks counted per notice, severity and state (newest notice first). */
  groups(contractId: string, sel: TaskSelection, w: QueueWindow): Promise<NoticeGroupRow[]> {
    const { where, params } = whereOf(contractId, sel, w);
    return this.ds.query(
      `SELECT t.notice_id AS "noticeId", n.number, n.title, t.severity, t.state, count(*)::int AS n
       FROM security_task t JOIN security_notice n ON n.id = t.notice_id WHERE ${where}
       GROUP BY t.notice_id, n.number, n.title, n.issued_at, t.severity, t.severity_rank, t.state
       ORDER BY n.issued_at DESC, n.number, t.severity_rank DESC, t.state`,
      params,
    );
  }
}

function whereOf(
  contractId: string,
  sel: TaskSelection,
  w: QueueWindow,
): { where: string; params: unknown[] } {
  const where = ['t.contract_id = $1', 't.state = ANY($2::text[])'];
  const params: unknown[] = [contractId, sel.statuses];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (sel.severities) add((p) => `t.severity = ANY(${p}::text[])`, sel.severities);
  if (w.system) add((p) => `t.system = ${p}`, w.system);
  if (w.state) add((p) => `t.state = ${p}`, w.state);
  if (w.group) add((p) => `t.notice_id::text = ${p}`, w.group);
  if (w.dueBefore) add((p) => `t.due_at < ${p}`, w.dueBefore);
  if (w.overdue !== undefined) where.push(w.overdue ? 't.due_at < now()' : 't.due_at >= now()');
  return { where: where.join(' AND '), params };
}
