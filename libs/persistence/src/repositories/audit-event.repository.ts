import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEventInput } from '@luyue/domain';
import { AuditEventEntity } from '../entities';

export interface AuditQuery {
  contractId: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  actorEmail?: string;
  /** Instants: events at or after `from` and before `until`. */
  from?: string;
  until?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** What a page shows for an audited subject instead of its id: its number and title. */
export interface AuditSubjectName {
  number: string;
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditPage {
  items: AuditEventEntity[];
  total: number;
}

/**
 * The append-only audit trail. There is deliberately no update or delete here, and the
 * database refuses them too. `append` takes the EntityManager of the transaction that makes
 * the change it records, so the change and its record commit or roll back together.
 */
@Injectable()
export class AuditEventRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async append(manager: EntityManager, event: AuditEventInput): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditEventRepository.append must run inside the transaction it records');
    }
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO audit_event (actor_type, actor_id, actor_email, party, action, subject_type,
         subject_id, contract_id, summary, request_id, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
       RETURNING id`,
      [
        event.actorType,
        event.actorId,
        event.actorEmail,
        event.party,
        event.action,
        event.subjectType,
        event.subjectId,
        event.contractId,
        JSON.stringify(event.summary ?? {}),
        event.requestId ?? null,
        event.workflowId ?? null,
      ],
    );
    return String(rows[0].id);
  }

  /** Newest first. */
  async page(query: AuditQuery): Promise<AuditPage> {
    const qb = this.ds
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.contract_id = :contractId', { contractId: query.contractId });
    if (query.subjectType) qb.andWhere('a.subject_type = :t', { t: query.subjectType });
    if (query.subjectId) qb.andWhere('a.subject_id = :s', { s: query.subjectId });
    if (query.actorId) qb.andWhere('a.actor_id = :actor', { actor: query.actorId });
    if (query.actorEmail)
      qb.andWhere('lower(a.actor_email) = lower(:email)', { email: query.actorEmail });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.until) qb.andWhere('a.occurred_at < :until', { until: query.until });
    const [items, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Every event about one subject, oldest first (tests, subject histories). */
  bySubject(subjectType: string, subjectId: string): Promise<AuditEventEntity[]> {
    return this.ds
      .getRepository(AuditEventEntity)
      .find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }

  /**
   * The number and title of the subjects of some events, in one query (whatever the page's
   * size), keyed `type:id`; a subject that is gone or has no name is missing.
   */
  async subjectNames(
    contractId: string,
    events: ReadonlyArray<{ subjectType: string; subjectId: string }>,
  ): Promise<Map<string, AuditSubjectName>> {
    const ids = (type: string, uuid = false): string[] => [
      ...new Set(
        events
          .filter((e) => e.subjectType === type && (!uuid || UUID.test(e.subjectId)))
          .map((e) => e.subjectId),
      ),
    ];
    const params = [
      contractId,
      ids('requirement'),
      ids('change_request'),
      ids('security_task', true),
      ids('security_notice', true),
      ids('user', true),
      ids('file', true),
      ids('contract', true),
      ids('fault_ticket', true),
      ids('duty_occurrence', true),
    ];
    if (params.slice(1).every((p) => p.length === 0)) return new Map();
    const rows: Array<{ type: string; id: string; number: string; title: string }> =
      await this.ds.query(
        `SELECT 'requirement' AS type, id, id AS number, title FROM requirement
          WHERE contract_id = $1 AND id = ANY($2::text[])
         UNION ALL
         SELECT 'change_request', id, id, title FROM change_request
          WHERE contract_id = $1 AND id = ANY($3::text[])
         UNION ALL
         SELECT 'security_task', t.id::text, n.number || '-' || t.task_no, t.title
           FROM security_task t JOIN security_notice n ON n.id = t.notice_id
          WHERE t.contract_id = $1 AND t.id = ANY($4::uuid[])
         UNION ALL
         SELECT 'security_notice', id::text, number, title FROM security_notice
          WHERE contract_id = $1 AND id = ANY($5::uuid[])
         UNION ALL
         SELECT 'user', id::text, name, email FROM app_user WHERE id = ANY($6::uuid[])
         UNION ALL
         SELECT 'file', id::text, filename, '' FROM stored_file
          WHERE contract_id = $1 AND id = ANY($7::uuid[])
         UNION ALL
         SELECT 'contract', id::text, number, name FROM contract
          WHERE id = $1 AND id = ANY($8::uuid[])
         UNION ALL
         SELECT 'fault_ticket', id::text, number, title FROM fault_ticket
          WHERE contract_id = $1 AND id = ANY($9::uuid[])
         UNION ALL
         SELECT 'duty_occurrence', id::text, number, title FROM duty_occurrence
          WHERE contract_id = $1 AND id = ANY($10::uuid[])`,
        params,
      );
    return new Map(rows.map((r) => [`${r.type}:${r.id}`, { number: r.number, title: r.title }]));
  }
}
