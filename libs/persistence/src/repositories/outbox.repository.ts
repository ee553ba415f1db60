import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxMailEntity } from '../entities';

export interface NewOutboxMail {
  messageKey: string;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
  template: string;
}

/** The mail outbox: written inside business transactions, drained by the worker's mailer. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Idempotent: a second write with the same key is ignored. Returns true when inserted. */
  async enqueue(manager: EntityManager, mail: NewOutboxMail): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO outbox_mail (message_key, recipients, subject, html, text, template)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6)
       ON CONFLICT (message_key) DO NOTHING
       RETURNING id`,
      [
        mail.messageKey,
        JSON.stringify(mail.recipients),
        mail.subject,
        mail.html,
        mail.text,
        mail.template,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Leases up to `limit` due messages. A message whose lease expired (its sender died mid-send)
   * is leased again; it keeps its Message-ID so a receiving server can drop the duplicate.
   */
  async claimDue(limit: number, leaseMs: number): Promise<OutboxMailEntity[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `UPDATE outbox_mail SET status = 'sending', attempts = attempts + 1,
              lease_until = now() + ($2::int * interval '1 millisecond')
       WHERE id IN (
         SELECT id FROM outbox_mail
         WHERE status = 'pending' OR (status = 'sending' AND lease_until < now())
         ORDER BY created_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [limit, leaseMs],
    );
    if (rows.length === 0) return [];
    return this.ds
      .getRepository(OutboxMailEntity)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  async markSent(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE outbox_mail SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1`,
      [id],
    );
  }

  /** A failed attempt goes back to pending until `final`, then stays failed for an operator. */
  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE outbox_mail SET status = $2, lease_until = NULL, last_error = $3 WHERE id = $1`,
      [id, final ? 'failed' : 'pending', error.slice(0, 2000)],
    );
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: string }> = await this.ds.query(
      `SELECT status, count(*)::text AS n FROM outbox_mail GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
