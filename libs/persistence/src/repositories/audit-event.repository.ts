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
  /** 1-based. */
  page: number;
  pageSize: number;
}

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
}
