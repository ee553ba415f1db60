import { requirementStepLabel } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  KIND_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  formatTime,
  PAGE_TITLES,
  KIND_PENDING_LABEL,
  submittedFlash,
  attachedFlash,
  stepDoneFlash,
} from '@luyue/domain';
import {
  isFinalRequirementStatus,
  isRequirementAction,
  REQUIREMENT_KINDS,
  REQUIREMENT_PRIORITIES,
  REQUIREMENT_STATUSES,
  validatePayload,
  type RequirementActionCall,
} from '@luyue/requirement/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import type { RequirementDto } from '../dto/requirement.dto';
import { RequirementListQueryDto } from '../dto/requirement-list.dto';
import { SubmitRequirementDto } from '../dto/submit-requirement.dto';
import { FilesService } from '../../files/files.service';
import { RequirementActionsService } from '../requirement-actions.service';
import { RequirementAttachmentsService } from '../requirement-attachments.service';
import { RequirementPagesService } from '../requirement-pages.service';
import { RequirementSubmissionService } from '../requirement-submission.service';
import { RequirementsService } from '../requirements.service';
import { KeyedRunService } from '../../common/keyed-run.service';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import { FORM_ERROR } from '../../console/console-field';
import { createOnce, newOnce } from '../../console/form-once';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { consoleAct, type FormSending } from '../../kit/console-action';
import { requirementRefusal, type QuotaRefusal } from './requirement-refusals';
import { actionForms, formFields, readForm } from '../../console/console-form';
import { checkedListQuery, optionsOf, pagingOf } from '../../console/console-list';
import { REQUIREMENT_ACTION_FORMS, submitFields } from './requirement-action-fields';

export type { ConsoleOutcome } from '../../console/console-outcome';

interface Failed {
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The approval refused for the quota: what is left, to offer the other choices. */
  quota?: QuotaRefusal;
}

const PAGE_SIZE = 20;

/** The request pages of the console, on the services behind the REST routes. */
@Injectable()
export class RequirementConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly reads: RequirementsService,
    private readonly pages: RequirementPagesService,
    private readonly submission: RequirementSubmissionService,
    private readonly actions: RequirementActionsService,
    private readonly keyed: KeyedRunService,
    private readonly attachments: RequirementAttachmentsService,
    private readonly files: FilesService,
  ) {}

  async list(request: PageRequest): Promise<string> {
    const { actor } = request;
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.requirements,
      crumbs: [{ label: PAGE_TITLES.requirements }],
      section: '/requirements',
    });
    const q = request.query;
    const query = await checkedListQuery(RequirementListQueryDto, {
      ...pick(q, ['status', 'kind', 'system', 'overdue', 'year', 'q', 'page']),
      pageSize: PAGE_SIZE,
    });
    const contract = frame.contract;
    const found = contract
      ? await this.reads.list(actor, contract.id, query)
      : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    const link = (page: number): string =>
      `/requirements?${new URLSearchParams({ ...stringsOf(q), page: String(page) }).toString()}`;
    return this.renderer.render('requirement/requirements.html', {
      layout: frame.layout,
      contract,
      canSubmit: contract?.myParty === 'hospital',
      filters: {
        statuses: optionsOf(REQUIREMENT_STATUSES, STATUS_LABELS, q.status),
        kinds: optionsOf(REQUIREMENT_KINDS, KIND_LABELS, q.kind),
        systems: (contract?.settings.systems ?? []).map((s) => ({
          value: s,
          label: s,
          selected: s === q.system,
        })),
        years: (contract?.years ?? []).map((y) => ({
          ...y,
          selected: String(y.yearNo) === q.year,
        })),
        overdue: q.overdue === 'true',
        q: typeof q.q === 'string' ? q.q : '',
      },
      items: found.items.map((i) => ({
        ...i,
        status: STATUS_LABELS[i.status],
        kind: i.kind ? KIND_LABELS[i.kind] : KIND_PENDING_LABEL,
        priority: PRIORITY_LABELS[i.priority],
        receivedAt: formatTime(i.receivedAt),
      })),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }

  async newForm(request: PageRequest, failed?: Omit<Failed, 'action'>): Promise<string> {
    const frame = await this.newFrame(request);
    return this.renderNew(frame, failed);
  }

  async submit(sending: FormSending): Promise<ConsoleOutcome> {
    const { page: request, body, uploads } = sending;
    const { actor, requestId } = request;
    // Files not recorded on a request (a refused form, a second sending) leave no bytes behind.
    let recorded = false;
    try {
      const frame = await this.newFrame(request);
      if (!frame.contract) throw new DomainError('not_found', 'console.no_contract_to_submit', {});
      const fields = submitFields(frame.contract.settings.systems);
      const form = await readForm(SubmitRequirementDto, fields, body);
      if (!form.ok) {
        return { kind: 'page', status: 400, html: this.renderNew(frame, form) };
      }
      const contractId = frame.contract.id;
      const sent = { actor, scope: 'POST /requirements/new', body, payload: form.payload, uploads };
      let id: string;
      try {
        id = await createOnce(this.keyed, sent, async (once) => {
          const made = await this.submission.submit(
            { actor, requestId, ...once },
            contractId,
            form.payload,
          );
          if (uploads.length > 0 && !once.createdBefore) {
            recorded = true;
            await this.attachments.attach(actor, made.id, uploads, requestId);
          }
          return made;
        });
      } catch (error) {
        const refused = requirementRefusal(error, fields);
        if (!refused) throw error;
        const html = this.renderNew(frame, { values: form.values, errors: refused.errors });
        return { kind: 'page', status: statusOf(error), html };
      }
      const flash = submittedFlash(id, uploads.length);
      return { kind: 'redirect', location: `/requirements/${id}`, flash };
    } finally {
      if (!recorded) await this.files.drop(uploads);
    }
  }

  /** The upload form of the request page: back to the page with the files listed. */
  async attach(sent: FormSending, id: string): Promise<ConsoleOutcome> {
    const { actor, requestId } = sent.page;
    const uploads = sent.uploads;
    await this.attachments.attach(actor, id, uploads, requestId);
    return {
      kind: 'redirect',
      location: `/requirements/${encodeURIComponent(id)}`,
      flash: attachedFlash(uploads.length),
    };
  }

  async page(request: PageRequest, id: string, failed?: Failed): Promise<string> {
    return this.pages.page(request.actor, id, async (r) => {
      const frame = await this.frames.frameOf(request, {
        title: `${r.id} ${r.title}`,
        crumbs: [{ href: '/requirements', label: PAGE_TITLES.requirements }, { label: r.id }],
        section: '/requirements',
        subject: { type: 'requirement', id: r.id },
      });
      const here = frame.contract?.id === r.contractId ? frame.contract : null;
      return {
        layout: frame.layout,
        forms: this.forms(r, failed),
        canAttach: Boolean(here?.myParty) && !isFinalRequirementStatus(r.status),
      };
    });
  }

  /** One step from the request's page, through the kit's console action. */
  act(sent: FormSending, id: string, action: string): Promise<ConsoleOutcome> {
    return consoleAct(
      {
        isAction: isRequirementAction,
        forms: REQUIREMENT_ACTION_FORMS,
        run: (ctx, step, payload) => this.actions.run(ctx, id, step, payload as never),
        page: (failed) => this.page(sent.page, id, failed),
        refusal: (error, fields) => {
          const refused = requirementRefusal(error, fields);
          return refused && { status: statusOf(error), ...refused };
        },
        precheck: async (step, values) => {
          const r = await this.reads.get(sent.page.actor, id);
          const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
          const call = { action: step, payload: typed } as unknown as RequirementActionCall;
          const refused = validatePayload(call, r, new Date().toISOString());
          return requirementRefusal(refused, REQUIREMENT_ACTION_FORMS[step].fields)?.errors ?? {};
        },
        location: `/requirements/${encodeURIComponent(id)}`,
        done: (step) => stepDoneFlash(requirementStepLabel(step)),
      },
      sent,
      action,
    );
  }

  private forms(r: RequirementDto, failed?: Failed): unknown[] {
    return actionForms(
      r.allowedActions,
      REQUIREMENT_ACTION_FORMS,
      requirementStepLabel,
      (action) => `/requirements/${encodeURIComponent(r.id)}/actions/${action}`,
      failed,
    ).map((form) =>
      form.failed
        ? {
            ...form,
            formError: failed?.errors[FORM_ERROR],
            // Approving outside the quota is the same form with the other decision.
            quota: failed?.quota && {
              ...failed.quota,
              kind: failed.values.kind ?? '',
              once: newOnce(),
            },
          }
        : form,
    );
  }

  private async newFrame(request: PageRequest): Promise<Frame> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.submitRequirement,
      crumbs: [
        { href: '/requirements', label: PAGE_TITLES.requirements },
        { label: PAGE_TITLES.submitRequirement },
      ],
      section: '/requirements',
    });
    // The form is the hospital's; anyone else gets the 403 page rather than a form that fails.
    if (frame.contract && frame.contract.myParty !== 'hospital') {
      throw new DomainError('forbidden', 'requirement.hospital_submits', {});
    }
    return frame;
  }

  private renderNew(frame: Frame, failed?: Omit<Failed, 'action'>): string {
    const fields = submitFields(frame.contract?.settings.systems ?? []);
    return this.renderer.render('requirement/requirement-new.html', {
      layout: frame.layout,
      contract: frame.contract,
      formError: failed?.errors[FORM_ERROR],
      fields: formFields('new', fields, failed?.values, failed?.errors, SubmitRequirementDto),
      priorities: REQUIREMENT_PRIORITIES,
      once: newOnce(),
    });
  }
}

/** The refusal's own status: 400 for a field rule, 409 for the quota. */
function statusOf(error: unknown): number {
  return error instanceof DomainError && error.code === 'quota_exceeded' ? 409 : 400;
}

function pick(q: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (typeof q[k] === 'string' && q[k] !== '') out[k] = q[k];
  return out;
}

function stringsOf(q: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (typeof v === 'string' && k !== 'page') out[k] = v;
  return out;
}
