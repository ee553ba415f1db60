import { requirementStepLabel } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  KIND_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  type Actor,
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
} from '@luyue/requirement/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import type { Request, Response } from 'express';
import type { RequirementDto } from '../dto/requirement.dto';
import { RequirementListQueryDto } from '../dto/requirement-list.dto';
import { SubmitRequirementDto } from '../dto/submit-requirement.dto';
import type { StoredUpload } from '../../files/file-store.service';
import { FilesService } from '../../files/files.service';
import { RequirementActionsService } from '../requirement-actions.service';
import { RequirementAttachmentsService } from '../requirement-attachments.service';
import { RequirementPagesService } from '../requirement-pages.service';
import { RequirementSubmissionService } from '../requirement-submission.service';
import { RequirementsService } from '../requirements.service';
import { KeyedRunService } from '../../common/keyed-run.service';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import { FORM_ERROR } from '../../console/admin-fields';
import { createOnce, newOnce, sendingKeyOf } from '../../console/form-once';
import { requirementRefusal, type QuotaRefusal } from './requirement-refusals';
import { actionForms, formFields, readForm } from '../../console/console-form';
import { checkedListQuery, optionsOf, pagingOf } from '../../console/console-list';
import { REQUIREMENT_ACTION_FORMS, submitFields } from './requirement-action-fields';

/** A page, or where to go after a form that worked (with the flash to show there). */
export type ConsoleOutcome =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; location: string; flash: string };

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

  async list(req: Request, res: Response, actor: Actor): Promise<string> {
    const frame = await this.frames.frame(req, res, actor, {
      title: PAGE_TITLES.requirements,
      crumbs: [{ label: PAGE_TITLES.requirements }],
      section: '/requirements',
    });
    const q = req.query as Record<string, unknown>;
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

  async newForm(
    req: Request,
    res: Response,
    actor: Actor,
    failed?: Omit<Failed, 'action'>,
  ): Promise<string> {
    const frame = await this.newFrame(req, res, actor);
    return this.renderNew(frame, failed);
  }

  async submit(
    req: Request,
    res: Response,
    actor: Actor,
    body: Record<string, unknown>,
    uploads: StoredUpload[],
    requestId: string | null,
  ): Promise<ConsoleOutcome> {
    // Files not recorded on a request (a refused form, a second sending) leave no bytes behind.
    let recorded = false;
    try {
      const frame = await this.newFrame(req, res, actor);
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
  async attach(
    actor: Actor,
    id: string,
    uploads: StoredUpload[],
    requestId: string | null,
  ): Promise<ConsoleOutcome> {
    await this.attachments.attach(actor, id, uploads, requestId);
    return {
      kind: 'redirect',
      location: `/requirements/${encodeURIComponent(id)}`,
      flash: attachedFlash(uploads.length),
    };
  }

  async page(
    req: Request,
    res: Response,
    actor: Actor,
    id: string,
    failed?: Failed,
  ): Promise<string> {
    return this.pages.page(actor, id, async (r) => {
      const frame = await this.frames.frame(req, res, actor, {
        title: `${r.id} ${r.title}`,
        crumbs: [{ href: '/requirements', label: PAGE_TITLES.requirements }, { label: r.id }],
        section: '/requirements',
      });
      const here = frame.contract?.id === r.contractId ? frame.contract : null;
      return {
        layout: frame.layout,
        forms: this.forms(r, failed),
        canAttach: Boolean(here?.myParty) && !isFinalRequirementStatus(r.status),
      };
    });
  }

  async act(
    req: Request,
    res: Response,
    actor: Actor,
    id: string,
    action: string,
    body: Record<string, unknown>,
    requestId: string | null,
  ): Promise<ConsoleOutcome> {
    if (!isRequirementAction(action))
      throw new DomainError('not_found', 'console.no_action', { action });
    const { dto, fields } = REQUIREMENT_ACTION_FORMS[action];
    const form = await readForm(dto, fields, body);
    if (!form.ok) {
      const html = await this.page(req, res, actor, id, { action, ...form });
      return { kind: 'page', status: 400, html };
    }
    const idempotencyKey = sendingKeyOf(body, form.payload);
    try {
      await this.actions.run({ actor, requestId, idempotencyKey }, id, action, form.payload);
    } catch (error) {
      const refused = requirementRefusal(error, fields);
      if (!refused) throw error;
      const html = await this.page(req, res, actor, id, {
        action,
        values: form.values,
        ...refused,
      });
      return { kind: 'page', status: statusOf(error), html };
    }
    return {
      kind: 'redirect',
      location: `/requirements/${encodeURIComponent(id)}`,
      flash: stepDoneFlash(requirementStepLabel(action)),
    };
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

  private async newFrame(req: Request, res: Response, actor: Actor): Promise<Frame> {
    const frame = await this.frames.frame(req, res, actor, {
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
      fields: formFields('new', fields, failed?.values, failed?.errors),
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
