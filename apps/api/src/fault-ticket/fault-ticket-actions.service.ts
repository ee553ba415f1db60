import { Injectable } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import {
  checkFaultAction,
  validateFaultPayload,
  type FaultAction,
  type FaultPayloads,
  type FaultTicketState,
} from '@luyue/fault-ticket/definitions';
import { runFaultAction, type FaultTicketRecord } from '@luyue/fault-ticket';
import type { SubjectKind, Visible } from '../contracts/contract-access.service';
import { FileStoreService, type StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import type { ActingContext } from '../kit/acting-context';
import { ActionRunner, type ActionProcess, type PayloadOf } from '../kit/action-runner';
import { FaultTicketsService, type FaultTicketView } from './fault-tickets.service';

type FaultProcess = ActionProcess<
  FaultAction,
  FaultPayloads,
  FaultTicketState,
  FaultTicketRecord,
  FaultTicketView
>;

/**
 * Fault tickets as the action runner needs them: every step one Update of the ticket's workflow
 * (403 wrong role, 409 wrong state, 400 payload), answered from the state it returned.
 */
@Injectable()
export class FaultTicketActionsService implements FaultProcess {
  readonly subjects: SubjectKind<FaultTicketRecord>;

  constructor(
    private readonly runner: ActionRunner,
    private readonly tickets: FaultTicketsService,
    private readonly files: FilesService,
    private readonly fileStore: FileStoreService,
  ) {
    this.subjects = tickets.subjects;
  }

  act<A extends FaultAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload: PayloadOf<FaultPayloads[A], FaultTicketRecord>,
  ): Promise<FaultTicketView> {
    return this.runner.run<
      FaultAction,
      FaultPayloads,
      FaultTicketState,
      FaultTicketRecord,
      FaultTicketView,
      A
    >(this, ctx, id, action, payload);
  }

  /** The report file is stored (sha256 audited) only once the ticket may take it now. */
  async submitReport(
    ctx: ActingContext,
    id: string,
    note: string,
    uploads: StoredUpload[],
  ): Promise<FaultTicketView> {
    let storing = false;
    const prepare = async ({ subject, contract, acting }: Visible<FaultTicketRecord>) => {
      const refs = uploads.map(({ id: fileId, filename, contentType, size, sha256 }) => ({
        id: fileId,
        filename,
        contentType,
        size,
        sha256,
      }));
      const state = subject.state!;
      const refusal =
        checkFaultAction(state, 'submit-report', acting) ??
        validateFaultPayload(state, { action: 'submit-report', payload: { note, files: refs } });
      if (refusal) throw refusal;
      storing = true;
      const files = await this.files.record(
        ctx.actor,
        contract,
        'fault_report',
        uploads,
        ctx.requestId,
      );
      return { note, files };
    };
    try {
      return await this.act(ctx, id, 'submit-report', { prepare });
    } catch (error) {
      if (!storing) await Promise.all(uploads.map((u) => this.fileStore.remove(u.storageKey)));
      throw error;
    }
  }

  statusOf(subject: FaultTicketRecord): string {
    return subject.status;
  }

  refusalName(): string {
    return 'The ticket';
  }

  update = runFaultAction;

  answer(
    _caller: Actor,
    visible: Visible<FaultTicketRecord>,
    state: FaultTicketState,
  ): Promise<FaultTicketView> {
    return Promise.resolve(this.tickets.viewOf(visible, state));
  }
}
