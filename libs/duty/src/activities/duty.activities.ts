import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import { AppConfig } from '@luyue/config';
import { DUTY_KIND_LABELS, DUTY_STATUS_LABELS } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import {
  outboxMailOf,
  TransitionWriter,
  type NewOutboxMail,
  type TransitionProcess,
} from '@luyue/persistence';
import type { DutyMail } from '../duty-mail.plan';
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

/** Activities of the duty workflow: placing an occurrence on the current calendar, and the one write path. */
@Injectable()
export class DutyActivitiesService implements DutyActivities {
  constructor(
    private readonly writer: TransitionWriter,
    private readonly store: DutyStore,
    private readonly calendars: CalendarService,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  async placeDuty(input: DutyScheduleRef): Promise<DutySlot | null> {
    const calendar = await this.calendars.calendar({ fresh: true });
    return dutySlots(input.schedule, input.year, calendar).find((s) => s.key === input.key) ?? null;
  }

  async persistDutyTransition(input: DutyTransitionInput): Promise<void> {
    const { state } = input;
    await this.writer.persistStep(DUTY_PROCESS_WRITES, state.occurrenceId, input, {
      apply: (m) => this.store.saveProjection(m, state),
      mails: () => input.mails.map((mail) => this.render(mail, input)),
    });
  }

  private render(mail: DutyMail, input: DutyTransitionInput): NewOutboxMail {
    const { state } = input;
    const rendered = this.renderer.renderMail(mail.template, {
      headline: dutyStep(input.action).headline,
      duty: state,
      kind: state.plan.customKind ?? DUTY_KIND_LABELS[state.plan.kind],
      systems: state.plan.systems.join('、'),
      status: DUTY_STATUS_LABELS[state.status],
      reason: input.action === 'refuse' ? input.payload.reason : null,
      actorName: input.actor?.name ?? null,
      link: `${this.config.PUBLIC_BASE_URL}/duties/${encodeURIComponent(state.occurrenceId)}`,
    });
    return outboxMailOf(mail, rendered);
  }
}
