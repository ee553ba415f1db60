import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lowest severity a notice issues as remediation tasks; findings below it are kept with the
 * notice for the record. Notices issued before it keep issuing low and above.
 */
export class NoticeIssuedSeverity1765800100000 implements MigrationInterface {
  name = 'NoticeIssuedSeverity1765800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE security_notice ADD COLUMN lowest_issued_severity text NOT NULL DEFAULT 'low'
        CHECK (lowest_issued_severity IN ('critical', 'high', 'medium', 'low', 'info'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_notice DROP COLUMN lowest_issued_severity`);
  }
}
