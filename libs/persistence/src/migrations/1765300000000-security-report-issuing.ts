import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A parsed import is `issuing` until every task it issued has a workflow that accepts steps;
 * only then `done`, so a task taken right after `done` is never refused as "being issued".
 */
export class SecurityReportIssuing1765300000000 implements MigrationInterface {
  name = 'SecurityReportIssuing1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_report DROP CONSTRAINT security_report_status_check`);
    await q.query(`
      ALTER TABLE security_report ADD CONSTRAINT security_report_status_check
        CHECK (status IN ('queued', 'parsing', 'issuing', 'done', 'refused', 'failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE security_report SET status = 'done' WHERE status = 'issuing'`);
    await q.query(`ALTER TABLE security_report DROP CONSTRAINT security_report_status_check`);
    await q.query(`
      ALTER TABLE security_report ADD CONSTRAINT security_report_status_check
        CHECK (status IN ('queued', 'parsing', 'done', 'refused', 'failed'))`);
  }
}
