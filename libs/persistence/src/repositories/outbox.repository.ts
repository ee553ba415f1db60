import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewOutboxMail {
  messageKey: string;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
  template: string;
}

/** A planned mail (its key, recipients and template) with its rendered text, as kept. */
export function outboxMailOf(
  mail: { messageKey: string; to: string[]; template: string },
  rendered: Pick<NewOutboxMail, 'subject' | 'html' | 'text'>,
): NewOutboxMail {
  return { messageKey: mail.messageKey, recipients: mail.to, template: mail.template, ...rendered };
}

export interface ClaimedMail {
  id: string;
  messageKey: string;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
  attempts: number;
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
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    // A CTE so the driver returns plain rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `WITH due AS (
         SELECT id FROM outbox_mail
         WHERE (status = 'pending' AND (lease_until IS NULL OR lease_until <= now()))
            OR (status = 'sending' AND lease_until < now())
         ORDER BY created_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE outbox_mail m SET status = 'sending', attempts = m.attempts + 1,
                lease_until = now() + ($2::int * interval '1 millisecond')
         FROM due WHERE m.id = due.id
         RETURNING m.id, m.message_key, m.recipients, m.subject, m.html, m.text, m.attempts, m.created_at)
       SELECT * FROM claimed ORDER BY created_at`,
      [limit, leaseMs],
    );
    return rows.map((r) => ({
      id: r.id as string,
      messageKey: r.message_key as string,
      recipients: r.recipients as string[],
      subject: r.subject as string,
      html: r.html as string,
      text: r.text as string,
      attempts: r.attempts as number,
    }));
  }

  async markSent(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE outbox_mail SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1`,
      [id],
    );
  }

  /**
   * A failed attempt goes back to pending, not to be tried before `retryInMs` (lease_until then
   * means "not before"), until `final`; then it stays failed for an operator.
   */
  async markFailed(id: string, error: string, final: boolean, retryInMs = 0): Promise<void> {
    await this.ds.query(
      `UPDATE outbox_mail SET status = $2, last_error = $3,
              lease_until = CASE WHEN $2 = 'pending' THEN now() + ($4::int * interval '1 millisecond') END
       WHERE id = $1`,
      [id, final ? 'failed' : 'pending', error.slice(0, 2000), retryInMs],
    );
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: string }> = await this.ds.query(
      `SELECT status, count(*)::text AS n FROM outbox_mail GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
