import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@luyue/domain';
import { isFinalRequirementStatus } from '@luyue/requirement/definitions';
import { StoredFileRepository } from '@luyue/persistence';
import type { StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import type { RequirementAttachmentDto } from './dto/requirement.dto';
import { RequirementAccessService } from './requirement-access.service';

const SUBJECT = 'requirement';

/**
 * Screenshots and documents on a request: stored through the one file store, bound to the request,
 * and downloadable through the files route by the contract's parties only.
 */
@Injectable()
export class RequirementAttachmentsService {
  constructor(
    private readonly access: RequirementAccessService,
    private readonly files: FilesService,
    private readonly rows: StoredFileRepository,
  ) {}

  /** Either side may attach until the request is finished; refused uploads leave nothing behind. */
  async attach(
    actor: Actor,
    id: string,
    uploads: StoredUpload[],
    requestId: string | null,
  ): Promise<RequirementAttachmentDto[]> {
    let contractId: string;
    try {
      const { stored } = await this.access.requireVisible(actor, id);
      if (isFinalRequirementStatus(stored.state.status)) {
        throw new DomainError(
          'invalid_state',
          'requirement.finished_attach',
          { id },
          {
            currentStatus: stored.state.status,
          },
        );
      }
      if (uploads.length === 0) {
        throw new DomainError(
          'validation_failed',
          'file.choose',
          { field: 'files' },
          {
            fields: [{ field: 'files', message: 'is required' }],
          },
        );
      }
      contractId = stored.contractId;
    } catch (error) {
      await this.files.drop(uploads);
      throw error;
    }
    await this.files.record(actor, contractId, 'attachment', uploads, requestId, {
      type: SUBJECT,
      id,
    });
    return this.list(contractId, id);
  }

  async list(contractId: string, id: string): Promise<RequirementAttachmentDto[]> {
    const files = await this.rows.filesOf(contractId, { type: SUBJECT, id });
    return files.map((f) => ({
      id: f.id,
      name: f.filename,
      size: f.size,
      contentType: f.contentType,
      sha256: f.sha256,
      uploadedBy: f.uploadedByEmail ?? f.uploadedBy,
      uploadedAt: f.uploadedAt,
      url: `/api/files/${f.id}`,
    }));
  }
}
