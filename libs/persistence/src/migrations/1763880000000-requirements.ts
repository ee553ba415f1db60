import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'assessing', 'awaiting_approval', 'approved', 'rejected', 'in_development',
  'in_testing', 'testing_passed', 'released', 'accepted', 'cancelled'`;
const KINDS = `'interface_new', 'customization', 'report', 'policy', 'ux', 'other'`;

/**
 * Customization requests (rule 1) and the interface quota (rule 2): the request row (a projection
 * of the workflow state), its numbering, its idempotent transitions, work log, quota ledger and
 * missed deadlines.
 */
export class Requirements1763880000000 implements MigrationInterface {
  name = 'Requirements1763880000000';

  async up(q: QueryRunner): Promise<void> {
    // One sequence per year label: the number is also the Temporal workflow id.
    await q.query(`
      CREATE TABLE requirement_counter (
        year int PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
        last_sequence int NOT NULL CHECK (last_sequence >= 1)
      )`);

    // Actor ids are text like in audit_event: the row keeps who acted even if the user goes.
    await q.query(`
      CREATE TABLE requirement (
        id text PRIMARY KEY CHECK (id ~ '^REQ-[0-9]{4}-[0-9]{4}$'),
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        system text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
        submitted_by text NOT NULL,
        submitted_by_email text NOT NULL,
        submitted_by_name text NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        kind text CHECK (kind IN (${KINDS})),
        feasibility text CHECK (feasibility IN ('feasible', 'architecture_change', 'core_rewrite')),
        estimate_person_days numeric(8, 2) CHECK (estimate_person_days > 0),
        solution text,
        alternative_solution text,
        assessment_due_at timestamptz,
        assessment_provisional boolean NOT NULL DEFAULT false,
        assessed_at timestamptz,
        assessed_by text,
        assessment_on_time boolean,
        vendor_kind text CHECK (vendor_kind IN (${KINDS})),
        kind_decided_by text,
        approved_at timestamptz,
        approved_by text,
        quota_decision text CHECK (quota_decision IN ('within_quota', 'outside_quota')),
        quota_reserved_person_days numeric(8, 2) NOT NULL DEFAULT 0,
        planned_delivery_date date,
        original_planned_delivery_date date,
        late_replan_count int NOT NULL DEFAULT 0,
        logged_person_days numeric(8, 2) NOT NULL DEFAULT 0,
        released_at timestamptz,
        release_version text,
        release_on_time boolean,
        accepted_at timestamptz,
        accepted_by text,
        actual_person_days numeric(8, 2) CHECK (actual_person_days >= 0),
        closed_at timestamptz,
        close_reason text,
        state jsonb,
        last_seq int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (contract_id, contract_year) REFERENCES contract_year (contract_id, year_no)
      )`);
    await q.query(`CREATE INDEX requirement_contract_status ON requirement (contract_id, status)`);
    await q.query(
      `CREATE INDEX requirement_contract_year ON requirement (contract_id, contract_year)`,
    );

    // The idempotency key of every persisted change. Deferred foreign keys: the activity writes
    // the transition before the projection, and the projection's upsert may create the row.
    await q.query(`
      CREATE TABLE requirement_transition (
        requirement_id text NOT NULL
          REFERENCES requirement (id) DEFERRABLE INITIALLY DEFERRED,
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
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (requirement_id, seq)
      )`);

    await q.query(`
      CREATE TABLE requirement_work_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        requirement_id text NOT NULL REFERENCES requirement (id),
        seq int NOT NULL,
        date date NOT NULL,
        person_days numeric(8, 2) NOT NULL CHECK (person_days > 0),
        note text NOT NULL DEFAULT '',
        user_id text,
        user_email text,
        logged_at timestamptz NOT NULL,
        UNIQUE (requirement_id, seq)
      )`);

    // The quota ledger of a contract year (rule 2); writers lock the contract_year row first.
    await q.query(`
      CREATE TABLE quota_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        requirement_id text NOT NULL
          REFERENCES requirement (id) DEFERRABLE INITIALLY DEFERRED,
        seq int NOT NULL,
        type text NOT NULL CHECK (type IN ('reserve', 'release', 'consume', 'outside_quota')),
        person_days numeric(8, 2) NOT NULL CHECK (person_days >= 0),
        at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (contract_id, contract_year) REFERENCES contract_year (contract_id, year_no),
        UNIQUE (requirement_id, seq, type)
      )`);
    await q.query(`CREATE INDEX quota_entry_year ON quota_entry (contract_id, contract_year, id)`);

    await q.query(`
      CREATE TABLE requirement_breach (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        requirement_id text NOT NULL REFERENCES requirement (id),
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        kind text NOT NULL
          CHECK (kind IN ('assessment_overdue', 'delivery_overdue', 'late_replan_notice')),
        due_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        seq int NOT NULL,
        FOREIGN KEY (contract_id, contract_year) REFERENCES contract_year (contract_id, year_no),
        UNIQUE (requirement_id, kind, due_at)
      )`);
    await q.query(
      `CREATE INDEX requirement_breach_year ON requirement_breach (contract_id, contract_year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE requirement_breach`);
    await q.query(`DROP TABLE quota_entry`);
    await q.query(`DROP TABLE requirement_work_log`);
    await q.query(`DROP TABLE requirement_transition`);
    await q.query(`DROP TABLE requirement`);
    await q.query(`DROP TABLE requirement_counter`);
  }
}
