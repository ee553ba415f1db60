import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '@luyue/calendar';
import { AppConfig } from '@luyue/config';
import { DUTY_KIND_LABELS, DUTY_STATUS_LABELS } from '@luyue/domain';
import { LinkTokenService, TemplateRenderer } from '@luyue/notifications';
import {
  LinkTokenRepository,
  outboxMailOf,
  TransitionWriter,
  type NewOutboxMail,
  type TransitionProcess,
} from '@luyue/persistence';
import { DUTY_SIGN_PURPOSE, type DutyMail } from '../duty-mail.plan';
import { dutySlots } from '../duty-schedule';
import type { DutySlot } from '../duty-schedule.types';
import { dutyStep } from '../duty.process';
import type { DutyActivities, DutyScheduleRef } from '../duty.activity-types';
import type { DutyTransitionInput } from '../duty-transition.types';
import { DutyStore, DUTY_TRANSITION_TABLE } from '../store/duty.store';

const DUTY_PROCESS_WRITES: TransitionProcess = {
  table: DUTY_TRANSITION_TABLE,
  subjectType: 'duty_occurrence',
  systemActorId: 'duty-workflow',
};

/** How long a signing link stays good: a record waits for its signers, not for a deadline. */
const SIGN_LINK_MS = 60 * 86_400_000;

/**
 * Activities of the duty workflow: placing an occurrence on the current calendar, and the one
 * write path (a signing link is issued with its mail and used up with the signature it gave).
 */
@Injectable()
export class DutyActivitiesService implements DutyActivities {
  constructor(
    private readonly writer: TransitionWriter,
    private readonly store: DutyStore,
    private readonly calendars: CalendarService,
    private readonly renderer: TemplateRenderer,
    private readonly links: LinkTokenService,
    private readonly linkRows: LinkTokenRepository,
    private readonly config: AppConfig,
  ) {}

  async placeDuty(input: DutyScheduleRef): Promise<DutySlot | null> {
    const calendar = await this.calendars.calendar({ fresh: true });
    return dutySlots(input.schedule, input.year, calendar).find((s) => s.key === input.key) ?? null;
  }

  async persistDutyTransition(input: DutyTransitionInput): Promise<void> {
    const { state } = input;
    await this.writer.persistStep(DUTY_PROCESS_WRITES, state.occurrenceId, input, {
      apply: async (m) => {
        await this.store.saveProjection(m, state);
        const jti = usedLink(input);
        if (jti) await this.linkRows.consume(m, jti);
      },
      mails: async (m) => {
        const mails: NewOutboxMail[] = [];
        for (const mail of input.mails) mails.push(await this.render(m, mail, input));
        return mails;
      },
    });
  }

  private async render(
    m: EntityManager,
    mail: DutyMail,
    input: DutyTransitionInput,
  ): Promise<NewOutboxMail> {
    const { state } = input;
    let link = `${this.config.PUBLIC_BASE_URL}/duties/${encodeURIComponent(state.occurrenceId)}`;
    if (mail.link) {
      const token = await this.links.issue(
        {
          purpose: DUTY_SIGN_PURPOSE,
          subjectType: 'duty_occurrence',
          subjectId: state.occurrenceId,
          party: 'hospital',
          recipient: mail.link.recipient,
          contractId: state.contractId,
          expiresAt: new Date(Date.parse(input.at) + SIGN_LINK_MS),
        },
        m,
      );
      link = `${this.config.PUBLIC_BASE_URL}/duty-signatures/${token}`;
    }
    const rendered = this.renderer.renderMail(mail.template, {
      headline: dutyStep(input.action).headline,
      duty: state,
      kind: state.plan.customKind ?? DUTY_KIND_LABELS[state.plan.kind],
      systems: state.plan.systems.join('、'),
      status: DUTY_STATUS_LABELS[state.status],
      reason: input.action === 'refuse' ? input.payload.reason : null,
      actorName: input.actor?.name ?? null,
      link,
    });
    return outboxMailOf(mail, rendered);
  }
}

/** The mailed link a signature or refusal came with: single use, so used up with it. */
function usedLink(input: DutyTransitionInput): string | null {
  if (input.action === 'sign' || input.action === 'refuse') return input.payload.linkJti ?? null;
  return null;
}
