import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { fieldProblem, validationFailed, type StoredFileRef } from '@luyue/domain';

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
 * Uploaded files of every process: a row per file (its bytes are on disk, its sha256 in the
 * audit trail), bound to the item it belongs to when the step that carries it is taken.
 */
@Injectable()
export class StoredFileRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

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
