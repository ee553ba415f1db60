import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a keyed creation made, written in the creation's own transaction: when its COMMIT lands
 * after the caller was already told 503, a retry with the same key answers with that subject
 * instead of creating a second one.
 */
export class IdempotencySubject1765100000000 implements MigrationInterface {
  name = 'IdempotencySubject1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key ADD COLUMN subject_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key DROP COLUMN subject_id`);
  }
}
