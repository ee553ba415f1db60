import { Injectable, StreamableFile } from '@nestjs/common';
import { auditActorOf, DomainError, type Actor, type LinkTokenPayload } from '@luyue/domain';
import type { StoredFileRef } from '@luyue/domain';
import { AuditEventRepository, TransactionRunner, type ContractRecord } from '@luyue/persistence';
import { StoredFileRepository } from '@luyue/persistence';
import {
  ContractAccessService,
  requireActingIn,
  type SubjectKind,
} from '../contracts/contract-access.service';
import { FileStoreService, type StoredUpload } from './file-store.service';

/**
 * Uploaded files: recorded with their sha256 in the audit trail, downloadable by the contract's
 * parties only (and by an email link's recipient, only for that link's item).
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly store: FileStoreService,
    private readonly rows: StoredFileRepository,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Records uploads that multer has already streamed to disk; removes them if refused. Given the
   * contract a step has already read and decided access to, it is not read again.
   */
  async record(
    actor: Actor,
    contract: string | ContractRecord,
    purpose: string,
    uploads: StoredUpload[],
    requestId: string | null,
    subject?: { type: string; id: string },
  ): Promise<StoredFileRef[]> {
    const contractId = typeof contract === 'string' ? contract : contract.id;
    try {
      if (typeof contract === 'string') await this.contracts.requireActingParty(actor, contract);
      else requireActingIn(actor, contract);
      if (uploads.length === 0) {
        throw new DomainError(
          'validation_failed',
          'file.choose',
          { field: 'file' },
          {
            fields: [{ field: 'file', message: 'is required' }],
          },
        );
      }
      await this.tx.run(async (m) => {
        for (const u of uploads) {
          await this.rows.insertFile(m, {
            ...u,
            contractId,
            purpose,
            uploadedBy: actor.userId,
            uploadedByEmail: actor.email,
            subject,
          });
          await this.audit.append(m, {
            ...auditActorOf(actor),
            action: 'file.uploaded',
            subjectType: 'file',
            subjectId: u.id,
            contractId,
            summary: {
              filename: u.filename,
              size: u.size,
              sha256: u.sha256,
              purpose,
              ...(subject && { subjectType: subject.type, subjectId: subject.id }),
            },
            requestId,
          });
        }
      });
    } catch (error) {
      await Promise.all(uploads.map((u) => this.store.remove(u.storageKey)));
      throw error;
    }
    return uploads.map(({ id, filename, contentType, size, sha256 }) => ({
      id,
      filename,
      contentType,
      size,
      sha256,
    }));
  }

  /** Removes the bytes of uploads refused before they were recorded. */
  async drop(uploads: StoredUpload[]): Promise<void> {
    await Promise.all(uploads.map((u) => this.store.remove(u.storageKey)));
  }

  /**
   * Forgets recorded uploads whose step was refused, so no file outlives the refusal: the rows
   * and bytes go, the trail says so next to the upload it records.
   */
  async discard(
    actor: Actor,
    contractId: string,
    uploads: StoredUpload[],
    reason: string,
    requestId: string | null,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      await this.rows.deleteFiles(
        m,
        contractId,
        uploads.map((u) => u.id),
      );
      for (const u of uploads) {
        await this.audit.append(m, {
          ...auditActorOf(actor),
          action: 'file.discarded',
          subjectType: 'file',
          subjectId: u.id,
          contractId,
          summary: { filename: u.filename, sha256: u.sha256, reason },
          requestId,
        });
      }
    });
    await Promise.all(uploads.map((u) => this.store.remove(u.storageKey)));
  }

  /**
   * A stored file for a party of its contract, or for an email link's recipient when the file
   * belongs to the link's own item; anyone else gets the 404 of a missing file.
   */
  async download(
    actor: Actor,
    link: LinkTokenPayload | undefined,
    id: string,
  ): Promise<StreamableFile> {
    const { subject: file } = await this.contracts.requireSubject(
      actor,
      this.storedFiles,
      id,
      link?.subjectId,
    );
    return new StreamableFile(this.store.open(file.storageKey), {
      type: file.contentType,
      length: file.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  /** Files by id; a file is reached through the item it was uploaded for. */
  private readonly storedFiles: SubjectKind<StoredFile> = {
    find: async (id) => (UUID.test(id) ? this.rows.findFile(id) : null),
    notFound: missing,
    itemOf: (file) => file.subjectId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type StoredFile = StoredFileRef & {
  contractId: string;
  storageKey: string;
  subjectId: string | null;
};

function missing(): DomainError {
  return new DomainError('not_found', 'file.not_found', {});
}
