import { Injectable } from '@nestjs/common';
import { DomainError } from '@luyue/domain';
import { ChangeRequestStore, TransactionRunner } from '@luyue/persistence';
import type { StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import type { ActingContext } from '../kit/acting-context';
import { ChangeRequestAccessService } from './change-request-access.service';
import { ChangeRequestsService } from './change-requests.service';
import type { ChangeReplyDto } from './dto/change-reply.dto';
import type { ChangeRequestDto } from './dto/change-request.dto';

/** The actions that need more than a payload: a console reply, the archive with its files. */
@Injectable()
export class ChangeActionsService {
  constructor(
    private readonly changes: ChangeRequestsService,
    private readonly access: ChangeRequestAccessService,
    private readonly files: FilesService,
    private readonly store: ChangeRequestStore,
    private readonly tx: TransactionRunner,
  ) {}

  reply(ctx: ActingContext, id: string, body: ChangeReplyDto): Promise<ChangeRequestDto> {
    return this.changes.act(ctx, id, 'reply', {
      decision: body.decision,
      comment: body.comment ?? '',
      via: 'console',
    });
  }

  /**
   * The documents are stored (sha256 audited) and bound to the change, then the Update runs; a
   * refused Update takes its documents with it (an unanswered one may have landed: they stay).
   */
  async archive(
    ctx: ActingContext,
    id: string,
    note: string,
    uploads: StoredUpload[],
  ): Promise<ChangeRequestDto> {
    const { row } = await this.access.requireVisible(ctx.actor, id);
    const documents = await this.files.record(
      ctx.actor,
      row.contractId,
      'configuration_document',
      uploads,
      ctx.requestId,
    );
    await this.tx.run((m) =>
      this.store.attachFiles(
        m,
        row.contractId,
        documents.map((d) => d.id),
        { type: 'change_request', id },
      ),
    );
    try {
      return await this.changes.act(ctx, id, 'archive', { note, documents });
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'dependency_unavailable') {
        await this.files.discard(ctx.actor, row.contractId, uploads, error.code, ctx.requestId);
      }
      throw error;
    }
  }
}
