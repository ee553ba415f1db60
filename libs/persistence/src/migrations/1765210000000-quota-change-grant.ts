import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A quota entry granted by a confirmed change request names it, so the quota figures tell such
 * a grant from a plain approval outside the quota.
 */
export class QuotaChangeGrant1765210000000 implements MigrationInterface {
  name = 'QuotaChangeGrant1765210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quota_entry ADD COLUMN change_request_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quota_entry DROP COLUMN change_request_id`);
  }
}
