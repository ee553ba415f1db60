import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueueWindow } from '@luyue/domain';
import type { RequirementStatus } from '../requirement.types';
import { LIST_COLUMNS, OVERDUE_SQL, toListItem, type ListRow } from './requirement-row.mapper';
import type { RequirementListItem } from './requirement.read-models';

/** Which deadline an open request's next step runs against (see DUE_SQL). */
export type RequirementDueKind = 'assessment' | 'signOffReminder' | 'delivery';

export interface RequirementQueueItem extends RequirementListItem {
  due: { at: string; kind: RequirementDueKind; provisional: boolean } | null;
}

const DL = `r.state -> 'deadlines'`;
// The deadline the next step runs against, as the workflow stored it: the assessment while
// assessing, the next sign-off reminder once released (the delivery date is behind it), else
// the delivery (the planned date's end of day when the workflow has not stored it yet).
const DUE_SQL = `CASE r.status
  WHEN 'assessing' THEN (${DL} -> 'assessment' ->> 'dueAt')::timestamptz
  WHEN 'released' THEN (${DL} -> 'signOff' ->> 'nextReminderAt')::timestamptz
  ELSE COALESCE((${DL} -> 'delivery' ->> 'dueAt')::timestamptz,
    (r.planned_delivery_date + time '23:59:59') AT TIME ZONE 'Asia/Shanghai') END`;
const DUE_KIND_SQL = `CASE r.status WHEN 'assessing' THEN 'assessment'
  WHEN 'released' THEN 'signOffReminder' ELSE 'delivery' END`;
const DUE_PROVISIONAL_SQL = `COALESCE((CASE r.status
  WHEN 'assessing' THEN ${DL} -> 'assessment' ->> 'provisional'
  WHEN 'released' THEN ${DL} -> 'signOff' ->> 'provisional'
  ELSE ${DL} -> 'delivery' ->> 'provisional' END)::boolean, false)`;

type QueueRow = ListRow & { due_at: Date | null; due_kind: RequirementDueKind; due_prov: boolean };

/** A person's work queue of requests: the ones in the states he acts in, filtered and paged. */
@Injectable()
export class RequirementQueueQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    contractId: string,
    statuses: readonly RequirementStatus[],
    w: QueueWindow,
  ): Promise<{ items: RequirementQueueItem[]; total: number }> {
    const where = `r.contract_id = $1 AND r.status = ANY($2::text[])
      AND ($3::text IS NULL OR r.system = $3) AND ($4::text IS NULL OR r.status = $4)
      AND ($5::timestamptz IS NULL OR ${DUE_SQL} < $5)
      AND ($6::boolean IS NULL OR ${OVERDUE_SQL} = $6)`;
    const params = [
      contractId,
      statuses,
      w.system ?? null,
      w.state ?? null,
      w.dueBefore ?? null,
      w.overdue ?? null,
    ];
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      `SELECT count(*)::int AS total FROM requirement r WHERE ${where}`,
      params,
    );
    if (w.pageSize === 0) return { items: [], total };
    const rows: QueueRow[] = await this.ds.query(
      `SELECT ${LIST_COLUMNS}, ${DUE_SQL} AS due_at, ${DUE_KIND_SQL} AS due_kind,
         ${DUE_PROVISIONAL_SQL} AS due_prov
       FROM requirement r WHERE ${where}
       ORDER BY ${DUE_SQL} ${w.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, r.id
       LIMIT $7 OFFSET $8`,
      [...params, w.pageSize, (w.page - 1) * w.pageSize],
    );
    return {
      total,
      items: rows.map((r) => ({
        ...toListItem(r),
        due: r.due_at
          ? { at: r.due_at.toISOString(), kind: r.due_kind, provisional: r.due_prov }
          : null,
      })),
    };
  }
}
