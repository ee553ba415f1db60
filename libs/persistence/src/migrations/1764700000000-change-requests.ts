import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'awaiting_replies', 'agreed', 'confirmed', 'implementing', 'archiving', 'closed',
  'rejected', 'lapsed', 'withdrawn'`;
const PARTIES = `'hospital', 'vendor', 'supervisor'`;

/**
 * Change requests (rule 3): the row (a projection of the workflow state), its numbering, its
 * idempotent transitions and the replies missed; and stored files (attachments, configuration
 * documents) with their sha256.
 */
export class ChangeRequests1764700000000 implements MigrationInterface {
  name = 'ChangeRequests1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_request_counter (
        year int PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
        last_sequence int NOT NULL CHECK (last_sequence >= 1)
      )`);
    await q.query(`
      CREATE TABLE change_request (
        id text PRIMARY KEY CHECK (id ~ '^CHG-[0-9]{4}-[0-9]{4}$'),
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        change_type text NOT NULL
          CHECK (change_type IN ('add', 'remove', 'replace', 'modify', 'schedule', 'location')),
        proposer_party text NOT NULL CHECK (proposer_party IN (${PARTIES})),
        proposed_by text NOT NULL,
        proposed_by_email text NOT NULL,
        proposed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        reply_due_at timestamptz,
        outcome_at timestamptz,
        state jsonb,
        last_seq int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (contract_id, contract_year) REFERENCES contract_year (contract_id, year_no)
      )`);
    await q.query(
      `CREATE INDEX change_request_contract_status ON change_request (contract_id, status)`,
    );
    await q.query(`
      CREATE TABLE change_request_transition (
        change_request_id text NOT NULL
          REFERENCES change_request (id) DEFERRABLE INITIALLY DEFERRED,
        seq int NOT NULL CHECK (seq >= 1),
        action text NOT NULL,
        actor_id text,
        actor_email text,
        party text CHECK (party IN (${PARTIES})),
        from_status text NOT NULL CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        payload jsonb NOT NULL,
        at timestamptz NOT NULL,
        request_id text,
        workflow_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (change_request_id, seq)
      )`);
    // A receiving party silent past its deadline, for the yearly report.
    await q.query(`
      CREATE TABLE change_request_breach (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        change_request_id text NOT NULL REFERENCES change_request (id),
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        party text NOT NULL CHECK (party IN (${PARTIES})),
        due_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        seq int NOT NULL,
        FOREIGN KEY (contract_id, contract_year) REFERENCES contract_year (contract_id, year_no),
        UNIQUE (change_request_id, party)
      )`);
    // Bytes live in the file store; the row says what, whose and its digest.
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contract (id),
        purpose text NOT NULL,
        filename text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_by_email text,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        subject_type text,
        subject_id text
      )`);
    await q.query(`CREATE INDEX stored_file_subject ON stored_file (subject_type, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stored_file`);
    await q.query(`DROP TABLE change_request_breach`);
    await q.query(`DROP TABLE change_request_transition`);
    await q.query(`DROP TABLE change_request`);
    await q.query(`DROP TABLE change_request_counter`);
  }
}
