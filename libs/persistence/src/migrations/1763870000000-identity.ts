import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, users and sessions, contracts and their years, the audit trail, link tokens. */
export class Identity1763870000000 implements MigrationInterface {
  name = 'Identity1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        party text NOT NULL CHECK (party IN ('hospital', 'vendor', 'supervisor')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organization_name_key ON organization (lower(name))`);

    // "user" is reserved in SQL, hence app_user. Emails are unique whatever their case.
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (position('@' in email) > 1),
        name text NOT NULL,
        phone text,
        organization_id uuid NOT NULL REFERENCES organization (id),
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['hospital_staff', 'hospital_manager',
            'vendor_pm', 'vendor_dev', 'supervisor', 'admin']::text[]),
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_organization ON app_user (organization_id)`);

    // A login; logout or a password reset revokes it, which kills its tokens and cookie at once.
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(
      `CREATE INDEX user_session_user ON user_session (user_id) WHERE revoked_at IS NULL`,
    );

    // Failed logins per (email, ip) key; the key is a hash so no address is stored in clear.
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        last_failed_at timestamptz,
        locked_until timestamptz
      )`);

    await q.query(`
      CREATE TABLE contract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        name text NOT NULL,
        hospital_organization_id uuid NOT NULL REFERENCES organization (id),
        vendor_organization_id uuid NOT NULL REFERENCES organization (id),
        supervisor_organization_id uuid NOT NULL REFERENCES organization (id),
        start_date date NOT NULL,
        end_date date NOT NULL,
        settings jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK (hospital_organization_id <> vendor_organization_id
          AND hospital_organization_id <> supervisor_organization_id
          AND vendor_organization_id <> supervisor_organization_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX contract_number_key ON contract (lower(number))`);
    for (const party of ['hospital', 'vendor', 'supervisor']) {
      await q.query(`CREATE INDEX contract_${party} ON contract (${party}_organization_id)`);
    }
    await q.query(`
      CREATE TABLE contract_year (
        contract_id uuid NOT NULL REFERENCES contract (id),
        year_no int NOT NULL CHECK (year_no >= 1),
        start_date date NOT NULL,
        end_date date NOT NULL,
        PRIMARY KEY (contract_id, year_no),
        CHECK (end_date >= start_date)
      )`);

    // Append-only: no foreign keys (nothing may cascade into it) and triggers refuse any change.
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_type text NOT NULL
          CHECK (actor_type IN ('user', 'link_recipient', 'system', 'operator')),
        actor_id text,
        actor_email text,
        party text CHECK (party IN ('hospital', 'vendor', 'supervisor')),
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        contract_id uuid,
        summary jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        workflow_id text
      )`);
    await q.query(`CREATE INDEX audit_event_contract ON audit_event (contract_id, id)`);
    await q.query(`CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    // Statement-level, so even an UPDATE or DELETE matching no row is refused.
    await q.query(`
      CREATE TRIGGER audit_event_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);

    await q.query(`
      CREATE TABLE link_token (
        jti uuid PRIMARY KEY,
        purpose text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        party text NOT NULL CHECK (party IN ('hospital', 'vendor', 'supervisor')),
        recipient text NOT NULL,
        contract_id uuid,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX link_token_subject ON link_token (subject_type, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE link_token`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
    await q.query(`DROP TABLE contract_year`);
    await q.query(`DROP TABLE contract`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organization`);
  }
}
