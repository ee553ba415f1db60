import { Injectable } from '@nestjs/common';
import {
  COVERAGE_DAYS_LABELS,
  FAULT_LEVEL_LABELS,
  FAULT_PAGE_WORDS,
  FAULT_REPORT_NAMES,
  FAULT_STATUS_LABELS,
  FAULT_TICKET_TERMS,
  faultStepLabel,
  formatTime,
  PAGE_TITLES,
  PAUSE_REASON_LABELS,
  SLA_CLOCK_LABELS,
  stepDoneFlash,
} from '@luyue/domain';
import type { FaultClock, FaultTicketState } from '@luyue/fault-ticket/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { FORM_ERROR } from '../../console/console-field';
import { ConsoleFrameService } from '../../console/console-frame.service';
import { actionForms, formFields, type FailedForm } from '../../console/console-form';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { consoleAct, type FormSending } from '../../kit/console-action';
import { FaultTicketActionsService } from '../fault-ticket-actions.service';
import { FaultTicketsService } from '../fault-tickets.service';
import {
  FAULT_ACTION_FORMS,
  faultFormsFor,
  faultPayloadOf,
  faultRefusal,
  isFaultAction,
} from './fault-console-fields';

const MINUTE_MS = 60_000;

/** One ticket's page: its facts, clocks, report files, history and the viewer's step forms. */
@Injectable()
export class FaultTicketConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly tickets: FaultTicketsService,
    private readonly steps: FaultTicketActionsService,
  ) {}

  async page(request: PageRequest, id: string, failed?: FailedForm): Promise<string> {
    const t = await this.tickets.view(request.actor, id);
    const frame = await this.frames.frameOf(request, {
      title: `${t.number} ${t.title}`,
      crumbs: [{ href: '/fault-tickets', label: PAGE_TITLES.faultTickets }, { label: t.number }],
      section: '/fault-tickets',
      subject: { type: 'fault_ticket', id: t.id },
    });
    const s = t.state;
    return this.renderer.render('fault-ticket/fault-ticket.html', {
      layout: frame.layout,
      terms: FAULT_TICKET_TERMS,
      words: FAULT_PAGE_WORDS,
      ticket: {
        ...t,
        level: { key: t.level, label: FAULT_LEVEL_LABELS[t.level] },
        status: FAULT_STATUS_LABELS[t.status],
        reportedAt: formatTime(t.reportedAt),
      },
      state: s && stateView(s),
      forms: actionForms(
        t.allowedActions,
        faultFormsFor(s),
        faultStepLabel,
        (action) => `/fault-tickets/${encodeURIComponent(id)}/actions/${action}`,
        failed,
      ).map((f) => ({
        ...f,
        // A level correction starts from the level the ticket has.
        fields:
          f.action === 'confirm-level' && !f.failed
            ? formFields(f.action, f.form.fields, { level: t.level }, {}, f.form.dto)
            : f.fields,
        formError: f.failed ? failed?.errors[FORM_ERROR] : undefined,
      })),
    });
  }

  /** One step from the ticket's page, through the kit's console action. */
  act(sent: FormSending, id: string, action: string): Promise<ConsoleOutcome> {
    return consoleAct(
      {
        isAction: isFaultAction,
        forms: FAULT_ACTION_FORMS,
        run: (ctx, step, payload, uploads) => {
          const p = payload as Record<string, unknown>;
          return step === 'submit-report'
            ? this.steps.submitReport(ctx, id, typeof p.note === 'string' ? p.note : '', uploads)
            : this.steps.act(ctx, id, step, faultPayloadOf(step, p));
        },
        page: (failed) => this.page(sent.page, id, failed),
        refusal: faultRefusal,
        location: `/fault-tickets/${encodeURIComponent(id)}`,
        done: (step) => stepDoneFlash(faultStepLabel(step)),
      },
      sent,
      action,
    );
  }
}

function stateView(s: FaultTicketState) {
  return {
    description: s.description,
    levelConfirmed: s.levelConfirmed,
    reportedBy: s.reportedBy.name,
    cause: s.cause,
    solution: s.solution,
    closedAt: formatTime(s.closedAt),
    clocks: s.clocks.map(clockView),
    pause: s.pause && {
      ...s.pause,
      reason: PAUSE_REASON_LABELS[s.pause.reason],
      requestedBy: s.pause.requestedBy.name,
      requestedAt: formatTime(s.pause.requestedAt),
      since: formatTime(s.pause.since),
      pending: s.pause.since === null,
    },
    extension: s.extension && {
      ...s.extension,
      clock: SLA_CLOCK_LABELS[s.extension.clock],
      requestedBy: s.extension.requestedBy.name,
      requestedAt: formatTime(s.extension.requestedAt),
    },
    reportFiles: s.reportFiles,
    log: s.log.map((e) => ({
      at: formatTime(e.at),
      step: faultStepLabel(e.step),
      by: e.by?.name ?? '',
      note: e.note,
    })),
  };
}

/** A clock as people read it: budget, coverage, due time, minutes counted and the outcome. */
function clockView(c: FaultClock) {
  const running = c.since !== null;
  return {
    kind: c.kind,
    label: SLA_CLOCK_LABELS[c.kind],
    budgetMinutes: c.budgetMinutes,
    extendedMinutes: c.extensions.reduce((n, e) => n + e.minutes, 0),
    coverage: `${COVERAGE_DAYS_LABELS[c.coverage.days]} ${c.coverage.segments.join('、')}`,
    reportName: c.reportName ? (FAULT_REPORT_NAMES[c.reportName] ?? c.reportName) : '',
    dueAt: formatTime(c.dueAt),
    provisional: c.provisional,
    // What the clock stored: up to the instant it last started running (or stopped).
    countedMinutes: Math.floor(c.countedMs / MINUTE_MS),
    running,
    paused: !running && c.stoppedAt === null,
    stoppedAt: formatTime(c.stoppedAt),
    met: c.met === true,
    breached: c.breachedAt !== null || c.met === false,
    breachedAt: formatTime(c.breachedAt),
    overrunMinutes: c.overrunMinutes,
  };
}
