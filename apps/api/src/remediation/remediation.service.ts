import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import {
  allowedRemediationActions,
  checkRemediationAction,
  completionByNotice,
  completionFigures,
  completionItemOf,
  DomainError,
  validateRemediationPayload,
  type Actor,
  type CompletionFigures,
  type NoticeCompletion,
  type RemediationAction,
  type RemediationPayloads,
  type RemediationState,
} from '@luyue/domain';
import { SecurityTaskStore } from '@luyue/persistence';
import { runSecurityTaskAction, TemporalClientService } from '@luyue/temporal';
import { refusalWhenFinished } from '../common/finished-workflow.refusal';
import { ContractAccessService } from '../contracts/contract-access.service';
import { FileStoreService, type StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import { actorInContract } from '../requirements/requirement-access.service';
import { contractYearNo } from '../requirements/requirement-reports.service';
import type { ActingContext } from '../requirements/requirement-actions.service';
import { SecurityAccessService } from '../security/security-access.service';
import type { SecurityTaskDetailDto } from '../security/dto/security-task.dto';
import { SecurityTasksService } from '../security/security-tasks.service';

export type ContractYearCompletion = CompletionFigures & { contractYear: number };

export type RemediationTaskView = SecurityTaskDetailDto & {
  remediation: RemediationState | null;
  allowedActions: RemediationAction[];
};

/**
 * A task whose workflow has not written its first state yet: the import has committed and its
 * workflow is starting the tasks, which takes a moment, so the answer says when to try again.
 */
const beingIssued = (action: RemediationAction): DomainError =>
  new DomainError(
    'invalid_state',
    'security.task_issuing',
    {},
    {
      action,
      currentStatus: 'open',
      allowedActions: [],
      retryAfterSeconds: 1,
    },
  );

/**
 * The remediation lifecycle on the api: every move one Update of the task's workflow (403 wrong
 * role, 409 wrong state or severity, 400 payload), proof files stored first with their sha256;
 * the answer read back from PostgreSQL, where the workflow's activity wrote it.
 */
@Injectable()
export class RemediationService {
  constructor(
    private readonly access: SecurityAccessService,
    private readonly contracts: ContractAccessService,
    private readonly tasks: SecurityTasksService,
    private readonly store: SecurityTaskStore,
    private readonly files: FilesService,
    private readonly temporal: TemporalClientService,
    private readonly calendars: CalendarService,
    private readonly fileStore: FileStoreService,
  ) {}

  async view(actor: Actor, id: string): Promise<RemediationTaskView> {
    const { contract } = await this.access.requireTask(actor, id);
    const [detail, remediation] = await Promise.all([
      this.tasks.get(actor, id),
      this.store.stateOf(id),
    ]);
    const acting = actorInContract(actor, contract);
    return {
      ...detail,
      remediation,
      allowedActions:
        remediation && acting.party ? allowedRemediationActions(remediation, acting) : [],
    };
  }

  async act<A extends RemediationAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload: RemediationPayloads[A],
  ): Promise<RemediationTaskView> {
    const { contract } = await this.access.requireTask(ctx.actor, id);
    const actor = actorInContract(ctx.actor, contract);
    const stored = await this.store.stateOf(id);
    if (!stored) throw beingIssued(action);
    const client = await this.temporal.client().catch(() => {
      throw new DomainError('dependency_unavailable', 'workflow.unreachable', {});
    });
    const updateId = ctx.idempotencyKey
      ? `${action}:${actor.userId}:${ctx.idempotencyKey}`
      : undefined;
    try {
      await runSecurityTaskAction(
        client,
        id,
        action,
        { actor, payload, requestId: ctx.requestId ?? undefined },
        { updateId },
      );
    } catch (error) {
      throw refusalWhenFinished(error, 'The task', action, stored.status);
    }
    return this.view(ctx.actor, id);
  }

  /**
   * `fix`: the proof is stored (sha256 audited) before the Update names it, and only once the
   * stored task says this actor may fix it now with this note and these lines: a refused fix
   * (403, 409, 400) leaves no file behind (the streamed bytes removed, no row, no audit event).
   */
  async fix(
    ctx: ActingContext,
    id: string,
    body: { note: string; assets?: string[] },
    uploads: StoredUpload[],
  ): Promise<RemediationTaskView> {
    const task = await this.fixable(ctx, id, body, uploads).catch(async (error: unknown) => {
      await Promise.all(uploads.map((u) => this.fileStore.remove(u.storageKey)));
      throw error;
    });
    const proof = await this.files.record(
      ctx.actor,
      task.contractId,
      'remediation_proof',
      uploads,
      ctx.requestId,
    );
    return this.act(ctx, id, 'fix', { note: body.note, proof, assets: body.assets });
  }

  /** The workflow's own checks on the stored state, before any proof is kept. */
  private async fixable(
    ctx: ActingContext,
    id: string,
    body: { note: string; assets?: string[] },
    uploads: StoredUpload[],
  ): Promise<{ contractId: string }> {
    const { task, contract } = await this.access.requireTask(ctx.actor, id);
    const stored = await this.store.stateOf(id);
    if (!stored) throw beingIssued('fix');
    const proof = uploads.map(({ id: fileId, filename, contentType, size, sha256 }) => ({
      id: fileId,
      filename,
      contentType,
      size,
      sha256,
    }));
    const refusal =
      checkRemediationAction(stored, 'fix', actorInContract(ctx.actor, contract)) ??
      validateRemediationPayload(
        stored,
        { action: 'fix', payload: { note: body.note, proof, assets: body.assets } },
        new Date().toISOString(),
      );
    if (refusal) throw refusal;
    return task;
  }

  /** Completion per contract (optionally one contract year) and per notice, item by item. */
  async stats(
    actor: Actor,
    contractId: string,
    year?: number,
  ): Promise<
    CompletionFigures & {
      year: number | null;
      contractYears: ContractYearCompletion[];
      notices: NoticeCompletion[];
    }
  > {
    const contract = await this.contracts.requireParty(actor, contractId);
    // `year` is a contract year, as in the requirement stats; each task's was fixed at issue
    // from the Shanghai date of its notice.
    const yearNo = year === undefined ? undefined : contractYearNo(contract, year);
    const now = new Date().toISOString();
    const calendar = await this.calendars.calendar();
    const between = (from: string, to: string): number =>
      calendar.workingDaysBetween(new Date(from), new Date(to)).days;
    const states = (await this.store.states(contractId)).filter(
      (s) => yearNo === undefined || s.contractYear === yearNo,
    );
    const items = states.map((s) => completionItemOf(s, now));
    const contractYears = [...new Set(states.map((s) => s.contractYear))].sort((a, b) => a - b);
    return {
      year: year ?? null,
      ...completionFigures(items, between),
      contractYears: contractYears.map((contractYear) => ({
        contractYear,
        ...completionFigures(
          items.filter((_, i) => states[i].contractYear === contractYear),
          between,
        ),
      })),
      notices: completionByNotice(items, between),
    };
  }
}
