import { Injectable } from '@nestjs/common';
import {
  DomainError,
  FAULT_LEVEL_LABELS,
  FAULT_STATUS_LABELS,
  FAULT_TICKET_TERMS,
  faultReportedFlash,
  formatTime,
  PAGE_TITLES,
  shanghaiLocalInput,
  SLA_POLICY_WORDS,
} from '@luyue/domain';
import { FAULT_LEVELS, FAULT_STATUSES } from '@luyue/fault-ticket/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { KeyedRunService } from '../../common/keyed-run.service';
import { FORM_ERROR } from '../../console/console-field';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import { formFields, readForm, type FailedForm } from '../../console/console-form';
import { checkedListQuery, optionsOf, pagingOf } from '../../console/console-list';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { createOnce, newOnce } from '../../console/form-once';
import type { FormSending } from '../../kit/console-action';
import { FaultListQueryDto, ReportFaultDto } from '../dto/fault-ticket.dto';
import { FaultTicketsService } from '../fault-tickets.service';
import { faultRefusal, reportFields } from './fault-console-fields';

const PAGE_SIZE = 50;
const FILTERS = ['level', 'state', 'year'] as const;
const REPORTERS = ['hospital_staff', 'hospital_manager', 'vendor_pm', 'vendor_dev'] as const;
const POLICY_EDITORS = ['admin', 'hospital_manager'] as const;

/** The contract's fault tickets and the report form, on the REST routes' service and DTOs. */
@Injectable()
export class FaultConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly tickets: FaultTicketsService,
    private readonly keyed: KeyedRunService,
  ) {}

  async list(request: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.faultTickets,
      crumbs: [{ label: PAGE_TITLES.faultTickets }],
      section: '/fault-tickets',
    });
    const q = filtersOf(request.query);
    const query = await checkedListQuery(FaultListQueryDto, {
      ...q,
      page: typeof request.query.page === 'string' ? request.query.page : undefined,
      pageSize: PAGE_SIZE,
    });
    const contract = frame.contract;
    const found = contract
      ? await this.tickets.list(request.actor, contract.id, query)
      : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    const now = Date.now();
    const link = (page: number) =>
      `/fault-tickets?${new URLSearchParams({ ...q, page: String(page) }).toString()}`;
    return this.renderer.render('fault-ticket/fault-tickets.html', {
      layout: frame.layout,
      contract,
      terms: FAULT_TICKET_TERMS,
      canReport: this.mayReport(frame),
      // The policy form's roles (the REST PUT's); the link goes to the contract shown.
      canEditPolicy: POLICY_EDITORS.some((r) => request.actor.roles.includes(r)),
      policyLink: SLA_POLICY_WORDS.link,
      // The ledger of the year filtered on; without one, the service's current year.
      ledgerYear: q.year ?? null,
      filters: {
        levels: optionsOf(FAULT_LEVELS, FAULT_LEVEL_LABELS, q.level),
        states: optionsOf(FAULT_STATUSES, FAULT_STATUS_LABELS, q.state),
        years: (contract?.years ?? []).map((y) => ({
          ...y,
          selected: String(y.yearNo) === q.year,
        })),
      },
      items: found.items.map((t) => ({
        ...t,
        level: { key: t.level, label: FAULT_LEVEL_LABELS[t.level] },
        status: FAULT_STATUS_LABELS[t.status],
        reportedAt: formatTime(t.reportedAt),
        nextDueAt: formatTime(t.nextDueAt),
        overdue: t.nextDueAt !== null && Date.parse(t.nextDueAt) < now,
      })),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }

  async newForm(request: PageRequest): Promise<string> {
    return this.renderNew(await this.newFrame(request));
  }

  /** The report form: once per sending, then the ticket's page. */
  async report(sent: FormSending): Promise<ConsoleOutcome> {
    const { page: request, body } = sent;
    const frame = await this.newFrame(request);
    if (!frame.contract) throw new DomainError('not_found', 'console.no_contract_to_report', {});
    const contractId = frame.contract.id;
    const fields = this.fieldsOf(frame);
    const form = await readForm(ReportFaultDto, fields, body);
    if (!form.ok) return { kind: 'page', status: 400, html: this.renderNew(frame, form) };
    const { actor, requestId } = request;
    let number = '';
    try {
      const id = await createOnce(
        this.keyed,
        { actor, scope: 'POST /fault-tickets/new', body, payload: form.payload },
        async (once) => {
          const made = await this.tickets.report(
            { actor, requestId, ...once },
            contractId,
            form.payload,
          );
          number = made.number;
          return made;
        },
      );
      return {
        kind: 'redirect',
        location: `/fault-tickets/${id}`,
        flash: faultReportedFlash(number || id),
      };
    } catch (error) {
      const refused = faultRefusal(error, fields);
      if (!refused) throw error;
      return {
        kind: 'page',
        status: refused.status,
        html: this.renderNew(frame, { values: form.values, errors: refused.errors }),
      };
    }
  }

  private async newFrame(request: PageRequest): Promise<Frame> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.reportFault,
      crumbs: [
        { href: '/fault-tickets', label: PAGE_TITLES.faultTickets },
        { label: PAGE_TITLES.reportFault },
      ],
      section: '/fault-tickets',
    });
    // Anyone who may not report gets the 403 page rather than a form that fails.
    if (frame.contract && !this.mayReport(frame)) {
      throw new DomainError(
        'forbidden',
        'action.role_refused',
        { roles: [...REPORTERS], action: 'report', noun: 'a fault ticket' },
        { action: 'report', allowedRoles: [...REPORTERS] },
      );
    }
    return frame;
  }

  private mayReport(frame: Frame): boolean {
    return REPORTERS.some((r) => frame.acting?.roles.includes(r) ?? false);
  }

  private fieldsOf(frame: Frame) {
    return reportFields(
      frame.contract?.settings.systems ?? [],
      frame.contract?.myParty === 'vendor',
    );
  }

  private renderNew(frame: Frame, failed?: Omit<FailedForm, 'action'>): string {
    // A logged call is at the time it came in; the form offers now.
    const values = failed?.values ?? { reportedAt: shanghaiLocalInput(new Date()) };
    return this.renderer.render('fault-ticket/fault-ticket-new.html', {
      layout: frame.layout,
      contract: frame.contract,
      formError: failed?.errors[FORM_ERROR],
      fields: formFields('new', this.fieldsOf(frame), values, failed?.errors, ReportFaultDto),
      once: newOnce(),
    });
  }
}

/** The filters given (an empty select means all), as the query and the paging links carry them. */
function filtersOf(q: Record<string, unknown>): Partial<Record<(typeof FILTERS)[number], string>> {
  const out: Partial<Record<(typeof FILTERS)[number], string>> = {};
  for (const k of FILTERS) {
    const v = q[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}
