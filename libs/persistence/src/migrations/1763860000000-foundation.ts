import { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar overrides, the mail outbox and deadline records. */
export class Foundation1763860000000 implements MigrationInterface {
  name = 'Foundation1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE calendar_year (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        holidays jsonb NOT NULL,
        workdays jsonb NOT NULL,
        loaded_by text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE outbox_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_key text NOT NULL UNIQUE,
        recipients jsonb NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        template text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX outbox_mail_due ON outbox_mail (created_at) WHERE status IN ('pending', 'sending')`,
    );
    await q.query(`
      CREATE TABLE deadline_record (
        workflow_id text PRIMARY KEY,
        subject text NOT NULL,
        received_at timestamptz NOT NULL,
        working_days int NOT NULL,
        deadline timestamptz NOT NULL,
        provisional boolean NOT NULL,
        reminder_sent_at timestamptz,
        outcome text CHECK (outcome IN ('met', 'breached')),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX deadline_record_open ON deadline_record (deadline) WHERE outcome IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deadline_record`);
    await q.query(`DROP TABLE outbox_mail`);
    await q.query(`DROP TABLE calendar_year`);
  }
}
