import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Idempotency-Key`s of state-changing requests: each belongs to one caller, one route and one
 * body, and keeps the first successful answer so a retry gets it again.
 */
export class Idempotency1764600000000 implements MigrationInterface {
  name = 'Idempotency1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        key text PRIMARY KEY,
        caller text NOT NULL,
        scope text NOT NULL,
        body_sha256 text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
