import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'open', 'in_progress', 'fixed', 'retest_requested', 'verified', 'reopened',
  'risk_accepted', 'false_positive_proposed', 'false_positive'`;

/**
 * Security remediation (rule 4, second half): each task's workflow state on its row, its
 * idempotent transitions, and the vendor's missed fix deadlines for the yearly report.
 */
export class Remediation1764900000000 implements MigrationInterface {
  name = 'Remediation1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE security_task
        ADD COLUMN workflow_state jsonb,
        ADD COLUMN last_seq int NOT NULL DEFAULT 0,
        ADD COLUMN workflow_started_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD CONSTRAINT security_task_state_check CHECK (state IN (${STATUSES}))`);
    await q.query(`
      CREATE TABLE security_task_transition (
        task_id uuid NOT NULL REFERENCES security_task (id),
        seq int NOT NULL CHECK (seq >= 1),
        action text NOT NULL,
        actor_id text,
        actor_email text,
        party text CHECK (party IN ('hospital', 'vendor', 'supervisor')),
        from_status text NOT NULL CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        payload jsonb NOT NULL,
        at timestamptz NOT NULL,
        request_id text,
        workflow_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, seq)
      )`);
    await q.query(`
      CREATE TABLE security_task_breach (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES security_task (id),
        notice_id uuid NOT NULL REFERENCES security_notice (id),
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fix_overdue')),
        round int NOT NULL,
        due_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        seq int NOT NULL,
        UNIQUE (task_id, kind, round)
      )`);
    await q.query(
      `CREATE INDEX security_task_breach_year ON security_task_breach (contract_id, contract_year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_task_breach`);
    await q.query(`DROP TABLE security_task_transition`);
    await q.query(`
      ALTER TABLE security_task
        DROP CONSTRAINT security_task_state_check,
        DROP COLUMN closed_at,
        DROP COLUMN workflow_started_at,
        DROP COLUMN last_seq,
        DROP COLUMN workflow_state`);
  }
}
