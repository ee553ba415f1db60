import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Informational findings (a scanner's traceroute, service detection) are kept with their notice
 * for the record but never issued as remediation tasks, so they have no task or asset line to
 * hang from: one row per finding key of the notice, with where it was seen.
 */
export class SecurityInfoFinding1765800000000 implements MigrationInterface {
  name = 'SecurityInfoFinding1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security_info_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL REFERENCES security_notice (id),
        finding_key text NOT NULL,
        format text NOT NULL,
        vulnerability_id text NOT NULL,
        title text NOT NULL,
        label text NOT NULL,
        host text,
        port int,
        protocol text,
        target text,
        service text,
        evidence text NOT NULL DEFAULT '',
        first_report_id uuid NOT NULL REFERENCES security_report (id),
        last_seen_report_id uuid NOT NULL REFERENCES security_report (id),
        seen_count int NOT NULL DEFAULT 1 CHECK (seen_count >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notice_id, finding_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_info_finding`);
  }
}
