import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'reported', 'acknowledged', 'on_site', 'restored', 'resolved',
  'report_submitted', 'closed'`;
const LEVELS = `'level_1', 'level_2', 'level_3', 'level_4'`;
const CLOCKS = `'response', 'onsite', 'recovery', 'report'`;

/**
 * Fault tickets (rule 6): each contract's SLA policy by version (a ticket keeps the one it was
 * reported under), the tickets with their workflow state, their idempotent transitions, and one
 * breach per ticket and clock with its overrun in covered minutes.
 */
export class FaultTickets1765400000000 implements MigrationInterface {
  name = 'FaultTickets1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policy (
        contract_id uuid NOT NULL REFERENCES contract (id),
        version int NOT NULL CHECK (version >= 1),
        policy jsonb NOT NULL,
        created_by text NOT NULL,
        -- The change request effect that made this version: applied once however often retried.
        source_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contract_id, version)
      )`);
    // Ticket numbers GZ-<year>-<n>: n counts every ticket, so a number is never reused.
    await q.query(`CREATE SEQUENCE fault_ticket_number_seq`);
    await q.query(`
      CREATE TABLE fault_ticket (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        contract_id uuid NOT NULL REFERENCES contract (id),
        contract_year int NOT NULL,
        system text NOT NULL,
        title text NOT NULL,
        level text NOT NULL CHECK (level IN (${LEVELS})),
        state text NOT NULL CHECK (state IN (${STATUSES})),
        reported_at timestamptz NOT NULL,
        reported_by text NOT NULL,
        policy_version int,
        workflow_state jsonb,
        last_seq int NOT NULL DEFAULT 0,
        next_due_at timestamptz,
        paused boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX fault_ticket_contract ON fault_ticket (contract_id, contract_year, state)`,
    );
    await q.query(
      `CREATE INDEX fault_ticket_open ON fault_ticket (next_due_at) WHERE state <> 'closed'`,
    );
    await q.query(`
      CREATE TABLE fault_ticket_transition (
        ticket_id uuid NOT NULL REFERENCES fault_ticket (id),
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
        PRIMARY KEY (ticket_id, seq)
      )`);
    await q.query(`
      CREATE TABLE fault_ticket_breach (
        ticket_id uuid NOT NULL REFERENCES fault_ticket (id),
        clock text NOT NULL CHECK (clock IN (${CLOCKS})),
        contract_id uuid NOT NULL,
        contract_year int NOT NULL,
        level text NOT NULL CHECK (level IN (${LEVELS})),
        due_at timestamptz NOT NULL,
        breached_at timestamptz NOT NULL,
        overrun_minutes int,
        seq int NOT NULL,
        PRIMARY KEY (ticket_id, clock)
      )`);
    await q.query(
      `CREATE INDEX fault_ticket_breach_year ON fault_ticket_breach (contract_id, contract_year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fault_ticket_breach`);
    await q.query(`DROP TABLE fault_ticket_transition`);
    await q.query(`DROP TABLE fault_ticket`);
    await q.query(`DROP SEQUENCE fault_ticket_number_seq`);
    await q.query(`DROP TABLE sla_policy`);
  }
}
