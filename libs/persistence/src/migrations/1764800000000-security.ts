import { MigrationInterface, QueryRunner } from 'typeorm';

const SEVERITIES = `'critical', 'high', 'medium', 'low', 'info'`;
const FORMATS = `'nessus', 'openvas', 'rsas', 'mlps_sheet', 'crypto_sheet'`;
// Lists sort and filter by rank; one definition so the columns cannot disagree.
const RANK = (column: string) =>
  `smallint GENERATED ALWAYS AS (CASE ${column} WHEN 'critical' THEN 4 WHEN 'high' THEN 3
     WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END) STORED`;

/**
 * Security findings (rule 4): the rectification notice, the reports imported into it, and the
 * deduplicated tasks → asset lines → findings they produce. A finding's key is unique per
 * notice, so a re-import or a retest merges instead of duplicating.
 */
export class Security1764800000000 implements MigrationInterface {
  name = 'Security1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contract (id),
        number text NOT NULL,
        issued_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('mlps', 'crypto', 'vuln_scan', 'pentest')),
        assessor text NOT NULL,
        system text,
        title text NOT NULL,
        issued_by text NOT NULL,
        issued_by_email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX security_notice_number ON security_notice (contract_id, lower(number))`,
    );
    await q.query(`
      CREATE TABLE security_report (
        id uuid PRIMARY KEY,
        notice_id uuid NOT NULL REFERENCES security_notice (id),
        file_id uuid NOT NULL REFERENCES stored_file (id),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        filename text NOT NULL,
        requested_format text CHECK (requested_format IN (${FORMATS})),
        format text CHECK (format IN (${FORMATS})),
        report_date date,
        retest_of uuid REFERENCES security_notice (id),
        status text NOT NULL CHECK (status IN ('queued', 'parsing', 'done', 'refused')),
        items_read int NOT NULL DEFAULT 0,
        items_total int,
        bytes_read bigint NOT NULL DEFAULT 0,
        bytes_total bigint,
        summary jsonb,
        refusal jsonb,
        uploaded_by text NOT NULL,
        uploaded_by_email text,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        UNIQUE (notice_id, sha256)
      )`);
    await q.query(`
      CREATE TABLE security_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL REFERENCES security_notice (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        vulnerability_key text NOT NULL,
        format text NOT NULL CHECK (format IN (${FORMATS})),
        vulnerability_id text NOT NULL,
        title text NOT NULL,
        severity text NOT NULL CHECK (severity IN (${SEVERITIES})),
        severity_rank ${RANK('severity')},
        source text NOT NULL,
        system text,
        state text NOT NULL DEFAULT 'open',
        due_at timestamptz NOT NULL,
        provisional boolean NOT NULL DEFAULT false,
        found_in_retest boolean NOT NULL DEFAULT false,
        first_report_id uuid NOT NULL REFERENCES security_report (id),
        cves text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notice_id, vulnerability_key)
      )`);
    await q.query(`
      CREATE INDEX security_task_list ON security_task
        (contract_id, severity_rank DESC, due_at, id)`);
    for (const column of ['notice_id', 'state', 'source', 'system', 'severity']) {
      await q.query(
        `CREATE INDEX security_task_${column} ON security_task (contract_id, ${column})`,
      );
    }
    await q.query(`CREATE INDEX security_task_cves ON security_task USING gin (cves)`);
    await q.query(`CREATE INDEX security_task_due ON security_task (notice_id, due_at)`);
    await q.query(`
      CREATE TABLE security_asset_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES security_task (id),
        notice_id uuid NOT NULL REFERENCES security_notice (id),
        asset_key text NOT NULL,
        label text NOT NULL,
        host text,
        port int,
        protocol text,
        target text,
        severity text NOT NULL CHECK (severity IN (${SEVERITIES})),
        state text NOT NULL DEFAULT 'open',
        fixed_by_retest boolean NOT NULL DEFAULT false,
        fixed_by_report_id uuid REFERENCES security_report (id),
        found_in_retest boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, asset_key)
      )`);
    await q.query(`CREATE INDEX security_asset_line_host ON security_asset_line (notice_id, host)`);
    await q.query(`
      CREATE TABLE security_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL REFERENCES security_notice (id),
        asset_line_id uuid NOT NULL REFERENCES security_asset_line (id),
        finding_key text NOT NULL,
        first_report_id uuid NOT NULL REFERENCES security_report (id),
        last_seen_report_id uuid NOT NULL REFERENCES security_report (id),
        seen_count int NOT NULL DEFAULT 1 CHECK (seen_count >= 1),
        present boolean NOT NULL DEFAULT true,
        gone_in_report_id uuid REFERENCES security_report (id),
        title text NOT NULL,
        severity text NOT NULL CHECK (severity IN (${SEVERITIES})),
        service text,
        cves text[] NOT NULL DEFAULT '{}',
        cvss numeric(4, 1),
        solution text NOT NULL DEFAULT '',
        evidence text NOT NULL DEFAULT '',
        layer text,
        control_point text,
        item text,
        compliance text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notice_id, finding_key)
      )`);
    await q.query(`CREATE INDEX security_finding_line ON security_finding (asset_line_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_finding`);
    await q.query(`DROP TABLE security_asset_line`);
    await q.query(`DROP TABLE security_task`);
    await q.query(`DROP TABLE security_report`);
    await q.query(`DROP TABLE security_notice`);
  }
}
