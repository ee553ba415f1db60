import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldProblem,
  shanghaiDate,
  validationFailed,
  type Actor,
} from '@luyue/domain';
import {
  CHECK_RESULTS,
  checkDutyAction,
  recordDigestText,
  validateDutyPayload,
  type CheckAnswer,
  type DutyAction,
  type DutyPayloads,
  type DutyState,
} from '@luyue/duty/definitions';
import {
  DutyQueryRepository,
  DutyStore,
  runDutyAction,
  type DutyLinkType,
  type DutyOccurrenceRecord,
} from '@luyue/duty';
import type { SubjectKind, Visible } from '../contracts/contract-access.service';
import { ContractAccessService } from '../contracts/contract-access.service';
import { FileStoreService, type StoredUpload } from '../files/file-store.service';
import { FilesService } from '../files/files.service';
import type { ActingContext } from '../kit/acting-context';
import { ActionRunner, type ActionProcess, type PayloadOf } from '../kit/action-runner';
import { FOLLOW_UP_OPENERS, type FollowUpOpener } from '../kit/process-registry';
import { DutiesService, type DutyView } from './duties.service';
import { DutyPlansService } from './duty-plans.service';
import type { DutyFollowUpDto } from './dto/duty.dto';

type DutyProcess = ActionProcess<
  DutyAction,
  DutyPayloads,
  DutyState,
  DutyOccurrenceRecord,
  DutyView
>;

/** The vendor's answers as the form sends them: a JSON list of `{key, result, note}`. */
function answersOf(json: string): CheckAnswer[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw validationFailed([{ field: 'answers', message: 'must be a JSON list' }]);
  }
  const ok =
    Array.isArray(parsed) &&
    (parsed as unknown[]).every((a) => {
      if (typeof a !== 'object' || a === null) return false;
      const { key, result, note } = a as Record<string, unknown>;
      return (
        typeof key === 'string' &&
        (CHECK_RESULTS as readonly unknown[]).includes(result) &&
        (note === undefined || typeof note === 'string')
      );
    });
  if (!ok) {
    throw validationFailed([
      { field: 'answers', message: 'must list {key, result: normal|abnormal, note}' },
    ]);
  }
  return (parsed as Array<{ key: string; result: CheckAnswer['result']; note?: string }>).map(
    (a) => ({ key: a.key, result: a.result, note: a.note ?? '', files: [] }),
  );
}

/**
 * Duty occurrences as the action runner needs them: every step one Update of the occurrence's
 * workflow (403 wrong role, 409 wrong state or not a signer, 400 payload).
 */
@Injectable()
export class DutyActionsService implements DutyProcess {
  readonly subjects: SubjectKind<DutyOccurrenceRecord>;

  constructor(
    private readonly runner: ActionRunner,
    private readonly duties: DutiesService,
    private readonly plans: DutyPlansService,
    private readonly contracts: ContractAccessService,
    private readonly query: DutyQueryRepository,
    private readonly store: DutyStore,
    private readonly files: FilesService,
    private readonly fileStore: FileStoreService,
    @Inject(FOLLOW_UP_OPENERS) private readonly openers: FollowUpOpener[],
  ) {
    this.subjects = duties.subjects;
  }

  act<A extends DutyAction>(
    ctx: ActingContext,
    id: string,
    action: A,
    payload: PayloadOf<DutyPayloads[A], DutyOccurrenceRecord>,
  ): Promise<DutyView> {
    return this.runner.run<DutyAction, DutyPayloads, DutyState, DutyOccurrenceRecord, DutyView, A>(
      this,
      ctx,
      id,
      action,
      payload,
    );
  }

  /**
   * The record: checked first, its files stored only once the step may take them. A file sent
   * as `files` is the report's; one sent as `files.<key>` belongs to that checklist item.
   */
  async record(
    ctx: ActingContext,
    id: string,
    summary: string,
    answersJson: string,
    uploads: Array<StoredUpload & { fieldname?: string }>,
  ): Promise<DutyView> {
    let storing = false;
    const prepare = async ({ subject, contract, acting }: Visible<DutyOccurrenceRecord>) => {
      const answers = answersOf(answersJson);
      const state = subject.state;
      const itemOf = (u: { fieldname?: string }) =>
        u.fieldname?.startsWith('files.') ? u.fieldname.slice('files.'.length) : null;
      const stray = uploads.find((u) => {
        const key = itemOf(u);
        return key !== null && !answers.some((a) => a.key === key);
      });
      if (stray) {
        throw validationFailed([
          { field: stray.fieldname!, message: 'must belong to an answered checklist item' },
        ]);
      }
      const draft = { summary, answers, reportFiles: [], hash: '' };
      const refusal =
        checkDutyAction(state, 'record', acting) ??
        validateDutyPayload(state, { action: 'record', payload: draft });
      if (refusal) throw refusal;
      storing = true;
      const refs =
        uploads.length > 0
          ? await this.files.record(ctx.actor, contract, 'duty_record', uploads, ctx.requestId)
          : [];
      const filesOf = (key: string | null) => refs.filter((_, i) => itemOf(uploads[i]) === key);
      const record = {
        summary,
        answers: answers.map((a) => ({ ...a, files: filesOf(a.key) })),
        reportFiles: filesOf(null),
      };
      const hash = createHash('sha256').update(recordDigestText(record)).digest('hex');
      return { ...record, hash };
    };
    try {
      return await this.act(ctx, id, 'record', { prepare });
    } catch (error) {
      if (!storing) await Promise.all(uploads.map((u) => this.fileStore.remove(u.storageKey)));
      throw error;
    }
  }

  /**
   * A fault ticket (or a customization request) for an abnormal item of the current record,
   * linked both ways; asking again for the same item answers the one opened the first time.
   */
  async openFollowUp(
    ctx: ActingContext,
    id: string,
    itemKey: string,
    kind: DutyLinkType,
    dto: DutyFollowUpDto,
  ) {
    const { subject } = await this.contracts.requireSubject(ctx.actor, this.subjects, id);
    const state = subject.state;
    const item = state.plan.checklist.find((i) => i.key === itemKey);
    const answer = state.record?.answers.find((a) => a.key === itemKey);
    if (!item || answer?.result !== 'abnormal') {
      throw validationFailed([
        { field: 'item', message: 'must be an abnormal item of the record' },
      ]);
    }
    const opened = (await this.query.linksOf(id)).find(
      (l) => l.itemKey === itemKey && l.subjectType === kind,
    );
    if (opened) return { linked: opened };
    if (kind === 'fault_ticket' && !dto.level) {
      throw validationFailed([fieldProblem('level', 'field.required', { field: 'level' })]);
    }
    const system = dto.system ?? state.plan.systems[0];
    if (!state.plan.systems.includes(system)) {
      throw validationFailed([
        { field: 'system', message: `must be one of ${state.plan.systems.join(', ')}` },
      ]);
    }
    const opener = this.openers.find((o) => o.kind === kind);
    if (!opener)
      throw new DomainError('dependency_unavailable', 'workflow.unreachable_nothing_recorded', {});
    const made = await opener.open(ctx, subject.contractId, {
      system,
      level: dto.level,
      title: dto.title?.trim() || `${state.number} ${item.text}`,
      description: `${item.text}: ${answer.note}`,
    });
    const link = { occurrenceId: id, itemKey, subjectType: kind, subjectId: made.id };
    await this.store.addLink(link, ctx.actor.userId);
    return { linked: link, [kind === 'fault_ticket' ? 'ticket' : 'requirement']: made };
  }

  /**
   * Stops a plan: no more occurrences are generated from it, and those not due yet are
   * cancelled (by the hospital manager, with the reason given).
   */
  async stopPlan(ctx: ActingContext, planId: string, reason: string) {
    const { plan } = await this.plans.visiblePlan(ctx.actor, planId);
    await this.store.deactivatePlan(plan.id);
    const today = shanghaiDate(new Date());
    const future = await this.store.futureOpenOf(plan.id, today);
    for (const id of future) await this.act(ctx, id, 'cancel', { reason });
    return { ...plan, active: false, cancelled: future.length };
  }

  statusOf(subject: DutyOccurrenceRecord): string {
    return subject.status;
  }

  update = runDutyAction;

  answer(_caller: Actor, visible: Visible<DutyOccurrenceRecord>, state: DutyState) {
    return Promise.resolve(this.duties.viewOf(visible, state));
  }
}
