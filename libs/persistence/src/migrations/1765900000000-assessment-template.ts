import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly assessment's template per contract (rule 8): indicators with their targets, which are
 * switched on, and where availability comes from. A contract without a row uses the defaults.
 */
export class AssessmentTemplate1765900000000 implements MigrationInterface {
  name = 'AssessmentTemplate1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_template (
        contract_id uuid PRIMARY KEY REFERENCES contract (id),
        template jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_template`);
  }
}
