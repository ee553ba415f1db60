import { StoredFileRepository } from '@luyue/persistence';
import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type LinkTokenPayload } from '@luyue/domain';
import {
  type ChangeAction,
  type ChangePayloads,
  type ChangeRequestState,
} from '@luyue/change-request/definitions';
import { type ChangeRequestRow, runChangeAction } from '@luyue/change-request';
import { TransactionRunner } from '@luyue/persistence';
import type { SubjectKind, Visible } from '../contracts/contract-access.service';
import type { StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import type { ActingContext } from '../kit/acting-context';
import { ActionRunner, type ActionProcess } from '../kit/action-runner';
import { ChangeRequestAccessService } from './change-request-access.service';
import { ChangeRequestsService } from './change-requests.service';
import type { ChangeReplyDto } from './dto/change-reply.dto';
import type { ChangeRequestDto } from './dto/change-request.dto';

type ChangeProcess = ActionProcess<
  ChangeAction,
  ChangePayloads,
  ChangeRequestState,
  ChangeRequestRow,
  ChangeRequestDto
>;

/**
 * Change requests as the action runner needs them, and their steps: every reply and action one
 * Update, whether from the console, the REST api or an email link; the archive with its files.
 */
@Injectable()
export class ChangeActionsService implements ChangeProcess {
  readonly subjects: SubjectKind<ChangeRequestRow>;

  constructor(
    private readonly runner: ActionRunner,
    private readonly changes: ChangeRequestsService,
    private readonly files: FilesService,
    private readonly store: StoredFileRepository,
    private readonly tx: TransactionRunner,
    access: ChangeRequestAccessService,
  ) {
    this.subjects = access.subjects;
  }

  /** A reply or an action, as one Update. */
  act<A extends ChangeAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload:
      ChangePayloads[A] | { prepare: (v: Visible<ChangeRequestRow>) => Promise<ChangePayloads[A]> },
    onRefused?: (error: unknown, visible: Visible<ChangeRequestRow>) => Promise<void>,
  ): Promise<ChangeRequestDto> {
    return this.runner.run<
      ChangeAction,
      ChangePayloads,
      ChangeRequestState,
      ChangeRequestRow,
      ChangeRequestDto,
      A
    >(this, ctx, id, action, payload, onRefused);
  }

  reply(ctx: ActingContext, id: string, body: ChangeReplyDto): Promise<ChangeRequestDto> {
    return this.act(ctx, id, 'reply', {
      decision: body.decision,
      comment: body.comment ?? '',
      via: 'console',
    });
  }

  /** The reply a link allows: only its own change, as the same Update as a console reply. */
  async replyByLink(
    ctx: ActingContext,
    link: LinkTokenPayload,
    id: string,
    body: { decision: 'agree' | 'disagree'; comment?: string },
  ): Promise<ChangeRequestDto> {
    try {
      return await this.act({ ...ctx, link }, id, 'reply', {
        decision: body.decision,
        comment: body.comment ?? '',
        via: 'link',
        linkJti: link.jti,
      });
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'validation_failed') {
        await this.changes.auditLinkRefusal(link, error.code, error.message, ctx.requestId);
      }
      throw error;
    }
  }

  /**
   * The documents are stored (sha256 audited) and bound to the change, then the Update runs; a
   * refused Update takes its documents with it (an unanswered one may have landed: they stay).
   */
  archive(
    ctx: ActingContext,
    id: string,
    note: string,
    uploads: StoredUpload[],
  ): Promise<ChangeRequestDto> {
    const prepare = async ({ contract }: Visible<ChangeRequestRow>) => {
      const documents = await this.files.record(
        ctx.actor,
        contract,
        'configuration_document',
        uploads,
        ctx.requestId,
      );
      await this.tx.run((m) =>
        this.store.attachFiles(
          m,
          contract.id,
          documents.map((d) => d.id),
          { type: 'change_request', id },
        ),
      );
      return { note, documents };
    };
    return this.act(ctx, id, 'archive', { prepare }, async (error, { contract }) => {
      if (error instanceof DomainError && error.code !== 'dependency_unavailable') {
        await this.files.discard(ctx.actor, contract.id, uploads, error.code, ctx.requestId);
      }
    });
  }

  statusOf(row: ChangeRequestRow): string {
    return row.status;
  }

  update = runChangeAction;

  answer(
    caller: Actor,
    { subject, contract }: Visible<ChangeRequestRow>,
    state: ChangeRequestState,
  ): Promise<ChangeRequestDto> {
    return this.changes.detail(caller, contract, state, subject.description);
  }
}
