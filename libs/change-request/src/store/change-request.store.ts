import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type Party } from '@luyue/domain';
import { formatChangeRequestId } from '../change-request-id';
import { type ChangeRequestState } from '../change-request.types';
import type { TransitionTable } from '@luyue/persistence';

/** Where this process's transitions are kept (the one write path inserts them). */
export const CHANGE_REQUEST_TRANSITION_TABLE: TransitionTable = {
  table: 'change_request_transition',
  subjectColumn: 'change_request_id',
};

export interface NewChangeRequestRow {
  id: string;
  contractId: string;
  contractYear: number;
  title: string;
  description: string;
  changeType: string;
  proposerParty: Party;
  proposedById: string;
  proposedByEmail: string;
  proposedAt: string;
}

/**
 * Writes of change requests: numbering and the proposal row (api, in the proposal's
 * transaction), and each transition (worker, keyed by (id, seq) so a retry writes nothing twice).
 */
@Injectable()
export class ChangeRequestStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** `CHG-<year>-<4 digits>` without gaps: the counter row stays locked until commit. */
  async allocate(manager: EntityManager, year: number): Promise<string> {
    const rows: Array<{ last_sequence: number }> = await manager.query(
      `INSERT INTO change_request_counter (year, last_sequence) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_sequence = change_request_counter.last_sequence + 1
       RETURNING last_sequence`,
      [year],
    );
    try {
      return formatChangeRequestId(year, rows[0].last_sequence);
    } catch {
      throw new DomainError('conflict', 'numbering.changes_used', { year });
    }
  }

  async insertProposed(manager: EntityManager, row: NewChangeRequestRow): Promise<void> {
    await manager.query(
      `INSERT INTO change_request (id, contract_id, contract_year, title, description, change_type,
         proposer_party, proposed_by, proposed_by_email, proposed_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'awaiting_replies')`,
      [
        row.id,
        row.contractId,
        row.contractYear,
        row.title,
        row.description,
        row.changeType,
        row.proposerParty,
        row.proposedById,
        row.proposedByEmail,
        row.proposedAt,
      ],
    );
  }

  /**
   * The row's columns from the workflow state (the row is a projection). An upsert, so the
   * workflow's first write waits for the proposal's uncommitted row instead of missing it.
   */
  async saveProjection(manager: EntityManager, s: ChangeRequestState): Promise<void> {
    const due = s.replies.map((r) => r.dueAt).filter((d): d is string => d !== null);
    await manager.query(
      `INSERT INTO change_request AS c (id, contract_id, contract_year, title, description,
         change_type, proposer_party, proposed_by, proposed_by_email, proposed_at, status,
         reply_due_at, outcome_at, state, last_seq, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,
         reply_due_at = EXCLUDED.reply_due_at, outcome_at = EXCLUDED.outcome_at,
         state = EXCLUDED.state, last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at
       WHERE c.last_seq < EXCLUDED.last_seq`,
      [
        s.changeRequestId,
        s.contractId,
        s.contractYear,
        s.title,
        s.description,
        s.changeType,
        s.proposedBy.party,
        s.proposedBy.userId,
        s.proposedBy.email,
        s.proposedAt,
        s.status,
        due.sort()[0] ?? null,
        s.outcomeAt,
        JSON.stringify(s),
        s.seq,
        s.updatedAt,
      ],
    );
  }

  async appendBreach(
    manager: EntityManager,
    s: ChangeRequestState,
    seq: number,
    party: Party,
    dueAt: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO change_request_breach (change_request_id, contract_id, contract_year, party,
         due_at, recorded_at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (change_request_id, party) DO NOTHING`,
      [s.changeRequestId, s.contractId, s.contractYear, party, dueAt, s.updatedAt, seq],
    );
  }
}
