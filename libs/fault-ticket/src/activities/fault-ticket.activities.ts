import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import { AppConfig } from '@luyue/config';
import { FAULT_LEVEL_LABELS, FAULT_STATUS_LABELS, SLA_CLOCK_LABELS } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import {
  outboxMailOf,
  TransitionWriter,
  type NewOutboxMail,
  type TransitionProcess,
} from '@luyue/persistence';
import { advanceClocks, type ClockOp, type FaultClock } from '../fault-clock';
import type { FaultMail } from '../fault-ticket-mail.plan';
import { faultStep } from '../fault-ticket.process';
import type { FaultTicketActivities } from '../fault-ticket.activity-types';
import type { FaultTransitionInput } from '../fault-ticket-transition.types';
import { FaultTicketStore, FAULT_TICKET_TRANSITION_TABLE } from '../store/fault-ticket.store';
import { coverageMath } from './coverage-math';
import { MajorBreachWarning } from './major-breach-warning';

const FAULT_TICKET_PROCESS: TransitionProcess = {
  table: FAULT_TICKET_TRANSITION_TABLE,
  subjectType: 'fault_ticket',
  systemActorId: 'fault-ticket-workflow',
};

/**
 * Activities of the fault-ticket workflow: the clock arithmetic on the current calendar (a read),
 * and the one write path, keyed (ticketId, transitionSeq): row, breaches, audit, mail (and the
 * major-breach warning once the year's breaches reach it).
 */
@Injectable()
export class FaultTicketActivitiesService implements FaultTicketActivities {
  constructor(
    private readonly writer: TransitionWriter,
    private readonly store: FaultTicketStore,
    private readonly calendars: CalendarService,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
    private readonly warning: MajorBreachWarning,
  ) {}

  async advanceFaultClocks(input: {
    clocks: FaultClock[];
    at: string;
    ops: ClockOp[];
  }): Promise<FaultClock[]> {
    const calendar = await this.calendars.calendar({ fresh: true });
    return advanceClocks(coverageMath(calendar), input.clocks, input.at, input.ops);
  }

  async persistFaultTransition(input: FaultTransitionInput): Promise<void> {
    const { state } = input;
    await this.writer.persistStep(FAULT_TICKET_PROCESS, state.ticketId, input, {
      // The workflow's first write creates the row its transitions refer to.
      before: (m) => this.store.ensureRow(m, state),
      apply: async (m) => {
        await this.store.saveProjection(m, state);
        await this.store.saveBreaches(m, state);
      },
      mails: async (m) => [
        ...input.mails.map((mail) => this.render(mail, input)),
        ...(await this.warning.mails(m, state)),
      ],
    });
  }

  private render(mail: FaultMail, input: FaultTransitionInput): NewOutboxMail {
    const { state } = input;
    const rendered = this.renderer.renderMail(mail.template, {
      headline: faultStep(input.action).headline,
      ticket: state,
      level: FAULT_LEVEL_LABELS[state.level],
      status: FAULT_STATUS_LABELS[state.status],
      clocks: state.clocks
        .filter((c) => c.since !== null && c.dueAt)
        .map((c) => ({
          label: SLA_CLOCK_LABELS[c.kind],
          dueAt: c.dueAt,
          provisional: c.provisional,
        })),
      actorName: input.actor?.name ?? null,
      link: `${this.config.PUBLIC_BASE_URL}/fault-tickets/${encodeURIComponent(state.ticketId)}`,
    });
    return outboxMailOf(mail, rendered);
  }
}
