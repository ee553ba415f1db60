import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A security task's own number within its notice (1, 2, …), so a task reads `<notice>-<n>`
 * rather than by a scanner's plugin id, which repeats across notices. Existing tasks are numbered
 * in the order they were created.
 */
export class SecurityTaskNumber1765500000000 implements MigrationInterface {
  name = 'SecurityTaskNumber1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_task ADD COLUMN task_no int`);
    await q.query(`
      UPDATE security_task t SET task_no = n.no
      FROM (SELECT id, row_number() OVER (PARTITION BY notice_id ORDER BY created_at, id) AS no
            FROM security_task) n
      WHERE t.id = n.id`);
    await q.query(
      `CREATE UNIQUE INDEX security_task_notice_no ON security_task (notice_id, task_no)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX security_task_notice_no`);
    await q.query(`ALTER TABLE security_task DROP COLUMN task_no`);
  }
}
