import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The same file is recognised in a notice only while its import stands: a refused or failed
 * import must not keep the notice from taking the file again (fixed, or after the worker died).
 */
export class SecurityReportRetry1765250000000 implements MigrationInterface {
  name = 'SecurityReportRetry1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE security_report DROP CONSTRAINT security_report_notice_id_sha256_key`,
    );
    await q.query(`
      CREATE UNIQUE INDEX security_report_standing_sha ON security_report (notice_id, sha256)
        WHERE status NOT IN ('refused', 'failed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Keeps one row per file and notice: the standing import, else the first refused one.
    await q.query(`
      DELETE FROM security_report r WHERE r.status IN ('refused', 'failed') AND EXISTS (
        SELECT 1 FROM security_report o
        WHERE o.notice_id = r.notice_id AND o.sha256 = r.sha256 AND o.id <> r.id
          AND (o.status NOT IN ('refused', 'failed') OR (o.uploaded_at, o.id) < (r.uploaded_at, r.id)))`);
    await q.query(`DROP INDEX security_report_standing_sha`);
    await q.query(`
      ALTER TABLE security_report ADD CONSTRAINT security_report_notice_id_sha256_key
        UNIQUE (notice_id, sha256)`);
  }
}
