import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import that gives up after its retries (not a bad file: a missing stored file, a database
 * that stayed away) is `failed` with its reason, so the console stops waiting for it.
 */
export class SecurityImportFailure1765000000000 implements MigrationInterface {
  name = 'SecurityImportFailure1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_report ADD COLUMN failure text`);
    await q.query(`ALTER TABLE security_report DROP CONSTRAINT security_report_status_check`);
    await q.query(`
      ALTER TABLE security_report ADD CONSTRAINT security_report_status_check
        CHECK (status IN ('queued', 'parsing', 'done', 'refused', 'failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE security_report SET status = 'refused' WHERE status = 'failed'`);
    await q.query(`ALTER TABLE security_report DROP CONSTRAINT security_report_status_check`);
    await q.query(`
      ALTER TABLE security_report ADD CONSTRAINT security_report_status_check
        CHECK (status IN ('queued', 'parsing', 'done', 'refused'))`);
    await q.query(`ALTER TABLE security_report DROP COLUMN failure`);
  }
}
