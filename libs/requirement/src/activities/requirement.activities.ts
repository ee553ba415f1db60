import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '@luyue/calendar';
import { AppConfig } from '@luyue/config';
import { deliverySchedule, type ComputedSchedule } from '../requirement.timers';
import { planQuotaOperation, type QuotaEntry, type QuotaSummary } from '../quota.calculator';
import { requirementStep } from '../requirement.process';
import { STATUS_LABELS } from '@luyue/domain';
import { type RequirementMail } from '../requirement-mail.plan';
import {
  type RequirementTransitionInput,
  type RequirementTransitionResult,
} from '../requirement-transition.types';
import { TemplateRenderer } from '@luyue/notifications';
import { QuotaLedgerRepository } from '../store/quota-ledger.repository';
import {
  RequirementTransitionStore,
  REQUIREMENT_TRANSITION_TABLE,
} from '../store/requirement-transition.store';
import { outboxMailOf, TransitionWriter, type NewOutboxMail } from '@luyue/persistence';
import type { CustomizationRequestActivities } from '../requirement.activity-types';
import { requirementMailFacts } from './requirement-mail.content';

/** Thrown inside the transaction to roll it back when the quota refuses; never leaves here. */
class QuotaRefused extends Error {
  constructor(readonly result: RequirementTransitionResult) {
    super('quota exceeded');
  }
}

/**
 * Activities of the customization-request workflow. `persistRequirementTransition` is the one
 * write path: one transaction, keyed by (requirementId, transitionSeq), so a retry or a replay
 * returns the first result and writes nothing twice.
 */
@Injectable()
export class CustomizationRequestActivitiesService implements CustomizationRequestActivities {
  constructor(
    private readonly calendars: CalendarService,
    private readonly writer: TransitionWriter,
    private readonly store: RequirementTransitionStore,
    private readonly quotaLedger: QuotaLedgerRepository,
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
    const { requirementId, transitionSeq: seq } = input;
    let quotaYear: Awaited<ReturnType<QuotaLedgerRepository['lockYear']>> | null = null;
    try {
      return await this.writer.write<RequirementTransitionResult>(
        {
          table: REQUIREMENT_TRANSITION_TABLE,
          subjectType: 'requirement',
          subjectId: requirementId,
          contractId: input.contractId,
          systemActorId: 'customization-request-workflow',
          row: input,
        },
        {
          // Quota first: the year's row lock orders concurrent approvals of different requests.
          before: async (m) => {
            if (input.quota) {
              quotaYear = await this.quotaLedger.lockYear(m, input.contractId, input.contractYear);
            }
          },
          written: async (m) =>
            (await this.store.findTransitionResult(m, requirementId, seq)) ?? {
              outcome: 'applied',
              quota: null,
            },
          apply: async (m) => {
            const quota = quotaYear && (await this.takeQuota(m, input, quotaYear));
            await this.store.saveProjection(m, input.state);
            if (input.workLog) await this.store.appendWorkLog(m, requirementId, seq, input.workLog);
            if (input.breach) await this.store.appendBreach(m, input.state, seq, input.breach);
            const result: RequirementTransitionResult = { outcome: 'applied', quota };
            await this.store.setTransitionResult(m, requirementId, seq, result);
            return {
              result,
              summary: {
                ...(input.breach ? { breach: input.breach } : {}),
                ...(quota ? { quota } : {}),
              },
            };
          },
          mails: () => input.mails.map((mail) => this.render(mail, input)),
        },
      );
    } catch (error) {
      if (error instanceof QuotaRefused) return error.result;
      throw error;
    }
  }

  /** Reserves, consumes or releases quota; refuses (rolling everything back) beyond what is left. */
  private async takeQuota(
    m: EntityManager,
    input: RequirementTransitionInput,
    year: { total: number; entries: QuotaEntry[] },
  ): Promise<QuotaSummary> {
    const plan = planQuotaOperation(
      year.total,
      year.entries,
      input.requirementId,
      input.quota!,
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
      m,
      input.contractId,
      input.contractYear,
      input.transitionSeq,
      plan.entries,
    );
    return plan.summary;
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
    return outboxMailOf(mail, rendered);
  }
}

/** Whether the deadline a timer mail names was computed from a provisional calendar year. */
function provisionalOf(input: RequirementTransitionInput): boolean {
  const { assessment, delivery } = input.state.deadlines;
  return input.action.startsWith('delivery')
    ? (delivery?.provisional ?? false)
    : (assessment?.provisional ?? false);
}
