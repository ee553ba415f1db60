import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AssessmentTemplate } from '../assessment-template';

/** A contract's assessment template: one row per contract, replaced on each save. */
@Injectable()
export class AssessmentTemplateStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(contractId: string): Promise<AssessmentTemplate | null> {
    const rows: Array<{ template: AssessmentTemplate }> = await this.ds.query(
      `SELECT template FROM assessment_template WHERE contract_id = $1`,
      [contractId],
    );
    return rows[0]?.template ?? null;
  }

  async save(contractId: string, template: AssessmentTemplate, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO assessment_template (contract_id, template, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (contract_id) DO UPDATE
         SET template = EXCLUDED.template, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [contractId, JSON.stringify(template), by],
    );
  }
}
