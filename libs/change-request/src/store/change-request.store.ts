import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, fieldProblem, validationFailed, type Party } from '@luyue/domain';
import { formatChangeRequestId } from '../change-request-id';
import { type ChangeRequestState, type StoredFileRef } from '../change-request.types';
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

export interface NewStoredFile extends StoredFileRef {
  contractId: string;
  purpose: string;
  storageKey: string;
  uploadedBy: string;
  uploadedByEmail: string | null;
  /** Bound at once to the item it belongs to; unbound uploads wait for a later step to bind them. */
  subject?: { type: string; id: string };
}

/** A stored file as listed on the item it is bound to. */
export interface SubjectFile extends StoredFileRef {
  uploadedBy: string;
  uploadedByEmail: string | null;
  uploadedAt: string;
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

  async insertFile(manager: EntityManager, file: NewStoredFile): Promise<void> {
    await manager.query(
      `INSERT INTO stored_file (id, contract_id, purpose, filename, content_type, size, sha256,
         storage_key, uploaded_by, uploaded_by_email, subject_type, subject_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        file.id,
        file.contractId,
        file.purpose,
        file.filename,
        file.contentType,
        file.size,
        file.sha256,
        file.storageKey,
        file.uploadedBy,
        file.uploadedByEmail,
        file.subject?.type ?? null,
        file.subject?.id ?? null,
      ],
    );
  }

  /** Deletes files whose step was refused (their bytes are removed by the caller). */
  async deleteFiles(manager: EntityManager, contractId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`DELETE FROM stored_file WHERE contract_id = $1 AND id = ANY($2::uuid[])`, [
      contractId,
      ids,
    ]);
  }

  /** Binds uploaded files to the item they belong to (only files not bound yet). */
  async attachFiles(
    manager: EntityManager,
    contractId: string,
    ids: string[],
    subject: { type: string; id: string },
  ): Promise<StoredFileRef[]> {
    if (ids.length === 0) return [];
    const rows: StoredFileRef[] = await manager.query(
      // A CTE so the driver returns plain rows (a bare UPDATE … RETURNING gives [rows, count]).
      `WITH bound AS (
         UPDATE stored_file SET subject_type = $3, subject_id = $4
         WHERE id = ANY($2::uuid[]) AND contract_id = $1 AND subject_id IS NULL
         RETURNING id, filename, content_type, size, sha256)
       SELECT id, filename, content_type AS "contentType", size::int AS size, sha256 FROM bound`,
      [contractId, ids, subject.type, subject.id],
    );
    if (rows.length !== new Set(ids).size) {
      throw validationFailed([fieldProblem('attachments', 'field.attachment_unknown', {})]);
    }
    return ids.map((id) => rows.find((r) => r.id === id)!);
  }

  /** The files bound to one item of one contract, oldest first. */
  async filesOf(contractId: string, subject: { type: string; id: string }): Promise<SubjectFile[]> {
    return this.ds.query(
      `SELECT id, filename, content_type AS "contentType", size::int AS size, sha256,
         uploaded_by AS "uploadedBy", uploaded_by_email AS "uploadedByEmail",
         to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt"
       FROM stored_file WHERE contract_id = $1 AND subject_type = $2 AND subject_id = $3
       ORDER BY uploaded_at, id`,
      [contractId, subject.type, subject.id],
    );
  }

  async findFile(
    id: string,
  ): Promise<
    (StoredFileRef & { contractId: string; storageKey: string; subjectId: string | null }) | null
  > {
    const rows: Array<
      StoredFileRef & { contractId: string; storageKey: string; subjectId: string | null }
    > = await this.ds.query(
      `SELECT id, filename, content_type AS "contentType", size::int AS size, sha256,
         contract_id AS "contractId", storage_key AS "storageKey", subject_id AS "subjectId"
       FROM stored_file WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
