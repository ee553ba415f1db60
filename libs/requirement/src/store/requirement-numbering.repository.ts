import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@luyue/domain';
import { MAX_REQUIREMENT_SEQUENCE, formatRequirementId } from '../requirement-id';
import { isUniqueViolation } from '@luyue/persistence';
import type { NewRequirementRow } from './requirement.read-models';

/**
 * Request numbers `REQ-<year>-<4 digits>` without gaps: the number is taken in the submission's
 * own transaction, so the counter row stays locked until it commits and a refused or failed
 * submission rolls its number back with everything else. Submissions of one year therefore
 * commit one after another; the transaction is kept short for that reason.
 */
@Injectable()
export class RequirementNumberingRepository {
  async allocate(manager: EntityManager, contractYearStartYear: number): Promise<string> {
    const rows: Array<{ last_sequence: number }> = await manager.query(
      `INSERT INTO requirement_counter (year, last_sequence) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_sequence = requirement_counter.last_sequence + 1
       RETURNING last_sequence`,
      [contractYearStartYear],
    );
    const sequence = rows[0].last_sequence;
    if (sequence > MAX_REQUIREMENT_SEQUENCE) {
      throw new DomainError('conflict', 'numbering.requests_used', {
        max: MAX_REQUIREMENT_SEQUENCE,
        year: contractYearStartYear,
      });
    }
    return formatRequirementId(contractYearStartYear, sequence);
  }

  /** The row of a new request (status `assessing`), in the submission's transaction. */
  async insertSubmitted(manager: EntityManager, row: NewRequirementRow): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO requirement (id, contract_id, contract_year, title, description, system,
           priority, submitted_by, submitted_by_email, submitted_by_name, received_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'assessing')`,
        [
          row.id,
          row.contractId,
          row.contractYear,
          row.title,
          row.description,
          row.system,
          row.priority,
          row.submittedById,
          row.submittedByEmail,
          row.submittedByName,
          row.receivedAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'requirement_pkey')) {
        throw new DomainError('conflict', 'numbering.request_exists', { id: row.id });
      }
      throw error;
    }
  }
}
