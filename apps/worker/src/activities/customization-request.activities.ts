import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '@luyue/calendar';
import { AppConfig } from '@luyue/config';
import {
  auditActorOf,
  deliverySchedule,
  planQuotaOperation,
  requirementStep,
  STATUS_LABELS,
  type AuditActor,
  type ComputedSchedule,
  type QuotaSummary,
  type RequirementMail,
  type RequirementTransitionInput,
  type RequirementTransitionResult,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import {
  AuditEventRepository,
  OutboxRepository,
  QuotaLedgerRepository,
  RequirementTransitionStore,
  TransactionRunner,
  type NewOutboxMail,
} from '@luyue/persistence';
import type { CustomizationRequestActivities } from '@luyue/temporal/definitions';
import { requirementMailFacts } from './requirement-mail.content';

/** Thrown inside the transaction to roll it back when the quota refuses; never leaves here. */
class QuotaRefused extends Error {
  constructor(readonly result: RequirementTransitionResult) {
    super('quota exceeded');
  }
}

const SYSTEM: AuditActor = {
  actorType: 'system',
  actorId: 'customization-request-workflow',
  actorEmail: null,
  party: null,
};

/**
 * Activities of the customization-request workflow. `persistRequirementTransition` is the one
 * write path: one transaction, keyed by (requirementId, transitionSeq), so a retry or a replay
 * returns the first result and writes nothing twice.
 */
@Injectable()
export class CustomizationRequestActivitiesService implements CustomizationRequestActivities {
  constructor(
    private readonly calendars: CalendarService,
    private readonly tx: TransactionRunner,
    private readonly store: RequirementTransitionStore,
    private readonly quotaLedger: QuotaLedgerRepository,
    private readonly audit: AuditEventRepository,
    private readonly outbox: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  async computeDeliverySchedule(input: {
    plannedDeliveryDate: string;
    reminderLeadDays: number;
  }): Promise<ComputedSchedule> {
    const calendar = await this.calendars.calendar({ fresh: true });
    const { dueAt, reminderAt, provisional } = deliverySchedule(
      input.plannedDeliveryDate,
      input.reminderLeadDays,
      calendar,
    );
    return { dueAt, reminderAt, provisional };
  }

  async persistRequirementTransition(
    input: RequirementTransitionInput,
  ): Promise<RequirementTransitionResult> {
    try {
      return await this.tx.run((manager) => this.write(manager, input));
    } catch (error) {
      if (error instanceof QuotaRefused) return error.result;
      throw error;
    }
  }

  private async write(
    manager: EntityManager,
    input: RequirementTransitionInput,
  ): Promise<RequirementTransitionResult> {
    const { requirementId, transitionSeq: seq } = input;
    // Quota first: the year's row lock orders concurrent approvals of different requests.
    const quotaYear = input.quota
      ? await this.quotaLedger.lockYear(manager, input.contractId, input.contractYear)
      : null;
    if (!(await this.store.insertTransition(manager, input))) {
      // Written before (a retry after a lost answer, or a replay): answer as the first time.
      const stored = await this.store.findTransitionResult(manager, requirementId, seq);
      return stored ?? { outcome: 'applied', quota: null };
    }
    let quota: QuotaSummary | null = null;
    if (input.quota && quotaYear) {
      const plan = planQuotaOperation(
        quotaYear.total,
        quotaYear.entries,
        requirementId,
        input.quota,
        input.at,
      );
      if (!plan.ok) {
        throw new QuotaRefused({
          outcome: 'quota_exceeded',
          remaining: plan.remaining,
          requested: plan.requested,
        });
      }
      await this.quotaLedger.append(
        manager,
        input.contractId,
        input.contractYear,
        seq,
        plan.entries,
      );
      quota = plan.summary;
    }
    await this.store.saveProjection(manager, input.state);
    if (input.workLog) await this.store.appendWorkLog(manager, requirementId, seq, input.workLog);
    if (input.breach) await this.store.appendBreach(manager, input.state, seq, input.breach);
    await this.audit.append(manager, {
      ...(input.actor ? auditActorOf(input.actor) : SYSTEM),
      action: `requirement.${input.action}`,
      subjectType: 'requirement',
      subjectId: requirementId,
      contractId: input.contractId,
      summary: {
        before: { status: input.fromStatus },
        after: { status: input.toStatus },
        payload: input.payload,
        ...(input.breach ? { breach: input.breach } : {}),
        ...(quota ? { quota } : {}),
      },
      requestId: input.requestId,
      workflowId: input.workflowId,
    });
    for (const mail of input.mails) await this.outbox.enqueue(manager, this.render(mail, input));
    const result: RequirementTransitionResult = { outcome: 'applied', quota };
    await this.store.setTransitionResult(manager, requirementId, seq, result);
    return result;
  }

  private render(mail: RequirementMail, input: RequirementTransitionInput): NewOutboxMail {
    const { state } = input;
    const rendered = this.renderer.renderMail('requirement-notice', {
      headline: requirementStep(input.action).headline,
      requirement: state,
      status: STATUS_LABELS[state.status],
      actorName: input.actor?.name ?? null,
      dueAt: input.actor === null ? input.payload.dueAt : null,
      provisional: provisionalOf(input),
      facts: requirementMailFacts(input),
      link: `${this.config.PUBLIC_BASE_URL}/requirements/${encodeURIComponent(state.requirementId)}`,
    });
    return {
      messageKey: mail.messageKey,
      recipients: mail.to,
      template: mail.template,
      ...rendered,
    };
  }
}

/** Whether the deadline a timer mail names was computed from a provisional calendar year. */
function provisionalOf(input: RequirementTransitionInput): boolean {
  const { assessment, delivery } = input.state.deadlines;
  return input.action.startsWith('delivery')
    ? (delivery?.provisional ?? false)
    : (assessment?.provisional ?? false);
}
