import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import {
  allowedRemediationActions,
  checkRemediationAction,
  validateRemediationPayload,
  completionByNotice,
  completionFigures,
  completionItemOf,
  type CompletionFigures,
  type NoticeCompletion,
  type RemediationAction,
  type RemediationPayloads,
  type RemediationState,
} from '@luyue/security/definitions';
import { DomainError, type Actor } from '@luyue/domain';
import {
  SecurityTaskQueryRepository,
  type SecurityTaskRecord,
  SecurityTaskStore,
  runSecurityTaskAction,
} from '@luyue/security';
import {
  ContractAccessService,
  type SubjectKind,
  type Visible,
} from '../contracts/contract-access.service';
import { FileStoreService, type StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import { contractYearNo } from '../contracts/contract-year';
import type { ActingContext } from '../kit/acting-context';
import { ActionRunner, type ActionProcess, type PayloadOf } from '../kit/action-runner';
import { SecurityAccessService } from './security-access.service';
import type { SecurityTaskDetailDto } from './dto/security-task.dto';

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

/** A task with the state its workflow last recorded (null while it is being issued). */
export type RemediationSubject = SecurityTaskRecord & { remediation: RemediationState | null };

type RemediationProcess = ActionProcess<
  RemediationAction,
  RemediationPayloads,
  RemediationState,
  RemediationSubject,
  RemediationTaskView
>;

/**
 * The remediation lifecycle on the api, as the action runner needs it: every move one Update of
 * the task's workflow (403 wrong role, 409 wrong state or severity, 400 payload), proof files
 * stored first with their sha256; the answer built from the state the Update returned.
 */
@Injectable()
export class RemediationService implements RemediationProcess {
  readonly subjects: SubjectKind<RemediationSubject>;

  constructor(
    private readonly runner: ActionRunner,
    private readonly contracts: ContractAccessService,
    private readonly store: SecurityTaskStore,
    private readonly lines: SecurityTaskQueryRepository,
    private readonly files: FilesService,
    private readonly calendars: CalendarService,
    private readonly fileStore: FileStoreService,
    access: SecurityAccessService,
  ) {
    this.subjects = {
      find: async (id) => {
        const task = await access.tasks.find(id);
        return task && { ...task, remediation: await store.stateOf(id) };
      },
      notFound: (id) => access.tasks.notFound(id),
    };
  }

  async view(actor: Actor, id: string): Promise<RemediationTaskView> {
    const visible = await this.contracts.requireSubject(actor, this.subjects, id);
    return this.viewOf(visible, visible.subject.remediation);
  }

  act<A extends RemediationAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload: PayloadOf<RemediationPayloads[A], RemediationSubject>,
  ): Promise<RemediationTaskView> {
    return this.runner.run<
      RemediationAction,
      RemediationPayloads,
      RemediationState,
      RemediationSubject,
      RemediationTaskView,
      A
    >(this, ctx, id, action, payload);
  }

  /**
   * `fix`: the proof is stored (sha256 audited) before the Update names it, and only once the
   * stored task says this actor may fix it now with this note and these lines: a refused fix
   * (404, 403, 409, 400) leaves no file behind (the streamed bytes removed, no row, no audit
   * event). The workflow's validator decides again on its own state when the Update arrives.
   */
  async fix(
    ctx: ActingContext,
    id: string,
    body: { note: string; assets?: string[] },
    uploads: StoredUpload[],
  ): Promise<RemediationTaskView> {
    let storing = false;
    const prepare = async ({ subject, contract, acting }: Visible<RemediationSubject>) => {
      const stored = subject.remediation!;
      const proof = uploads.map(({ id: fileId, filename, contentType, size, sha256 }) => ({
        id: fileId,
        filename,
        contentType,
        size,
        sha256,
      }));
      const refusal =
        checkRemediationAction(stored, 'fix', acting) ??
        validateRemediationPayload(
          stored,
          { action: 'fix', payload: { note: body.note, proof, assets: body.assets } },
          new Date().toISOString(),
        );
      if (refusal) throw refusal;
      storing = true;
      const recorded = await this.files.record(
        ctx.actor,
        contract,
        'remediation_proof',
        uploads,
        ctx.requestId,
      );
      return { note: body.note, proof: recorded, assets: body.assets };
    };
    try {
      return await this.act(ctx, id, 'fix', { prepare });
    } catch (error) {
      if (!storing) await Promise.all(uploads.map((u) => this.fileStore.remove(u.storageKey)));
      throw error;
    }
  }

  notReady(subject: RemediationSubject, action: RemediationAction): DomainError | null {
    return subject.remediation ? null : beingIssued(action);
  }

  statusOf(subject: RemediationSubject): string {
    return subject.remediation?.status ?? subject.state;
  }

  refusalName(): string {
    return 'The task';
  }

  update = runSecurityTaskAction;

  answer(
    _caller: Actor,
    visible: Visible<RemediationSubject>,
    state: RemediationState,
  ): Promise<RemediationTaskView> {
    return this.viewOf(visible, state);
  }

  /**
   * The task as the state says it is now: its status, running fix period and line statuses are
   * the state's (the row is their projection); the findings under each line come from the store.
   */
  private async viewOf(
    { subject, acting }: Visible<RemediationSubject>,
    state: RemediationState | null,
  ): Promise<RemediationTaskView> {
    const lines = await this.lines.lines(subject.id);
    const period = state?.fixDeadlines.at(-1);
    const { remediation: _stored, ...task } = subject;
    return {
      ...task,
      ...(state && { state: state.status }),
      // The row keeps its due date while the running period has none (COALESCE in the store).
      ...(period?.dueAt && { dueAt: new Date(period.dueAt).toISOString() }),
      ...(period && { provisional: period.provisional }),
      lines: lines.map((l) => ({
        ...l,
        state: state?.lines.find((s) => s.lineId === l.id)?.status ?? l.state,
      })),
      remediation: state,
      allowedActions: state && acting.party ? allowedRemediationActions(state, acting) : [],
    };
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
