import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'open', 'recorded', 'returned', 'signed', 'cancelled'`;

/**
 * Scheduled duties (rule 7): each contract's duty plans, the occurrences generated from them per
 * contract year (one per plan, year and nominal day, so generating twice adds nothing) with their
 * workflow state, their idempotent transitions, and the fault tickets or requirements an abnormal
 * checklist item opened.
 */
export class Duties1765700000000 implements MigrationInterface {
  name = 'Duties1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_plan (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contract (id),
        kind text NOT NULL,
        title text NOT NULL,
        plan jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        -- The change request effect that made this plan: applied once however often retried.
        source_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX duty_plan_contract ON duty_plan (contract_id, active)`);
    // Occurrence numbers RW-<year>-<n>: n counts every occurrence, so a number is never reused.
    await q.query(`CREATE SEQUENCE duty_occurrence_number_seq`);
    await q.query(`
      CREATE TABLE duty_occurrence (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        contract_id uuid NOT NULL REFERENCES contract (id),
        contract_year int NOT NULL,
        plan_id uuid NOT NULL REFERENCES duty_plan (id),
        kind text NOT NULL,
        title text NOT NULL,
        slot_key date NOT NULL,
        window_start date NOT NULL,
        due_day date NOT NULL,
        record_due_at timestamptz NOT NULL,
        provisional boolean NOT NULL,
        state text NOT NULL CHECK (state IN (${STATUSES})),
        workflow_state jsonb NOT NULL,
        last_seq int NOT NULL DEFAULT 0,
        breached_at timestamptz,
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, contract_year, slot_key)
      )`);
    await q.query(
      `CREATE INDEX duty_occurrence_contract ON duty_occurrence (contract_id, contract_year, kind)`,
    );
    await q.query(
      `CREATE INDEX duty_occurrence_open ON duty_occurrence (record_due_at)
         WHERE state IN ('open', 'recorded', 'returned')`,
    );
    await q.query(`
      CREATE TABLE duty_occurrence_transition (
        occurrence_id uuid NOT NULL REFERENCES duty_occurrence (id),
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
        PRIMARY KEY (occurrence_id, seq)
      )`);
    await q.query(`
      CREATE TABLE duty_link (
        occurrence_id uuid NOT NULL REFERENCES duty_occurrence (id),
        item_key text NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('fault_ticket', 'requirement')),
        subject_id text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (occurrence_id, item_key, subject_type, subject_id)
      )`);
    await q.query(`CREATE INDEX duty_link_subject ON duty_link (subject_type, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_link`);
    await q.query(`DROP TABLE duty_occurrence_transition`);
    await q.query(`DROP TABLE duty_occurrence`);
    await q.query(`DROP SEQUENCE duty_occurrence_number_seq`);
    await q.query(`DROP TABLE duty_plan`);
  }
}
