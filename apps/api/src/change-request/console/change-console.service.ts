import { auditActionLabel, changeStepLabel } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import {
  CHANGE_ACTIONS,
  CHANGE_STATUSES,
  type ChangeAction,
  type ChangeEffect,
  type ChangeType,
} from '@luyue/change-request/definitions';
import {
  CHANGE_EFFECT_LABELS,
  CHANGE_STATUS_LABELS,
  EFFECT_OUTCOME_LABELS,
  CHANGE_TYPE_LABELS,
  REPLY_CHANNEL_LABELS,
  REPLY_DECISION_LABELS,
  DomainError,
  PARTY_LABELS,
  type Actor,
  type LinkTokenPayload,
  type Party,
  formatTime,
  PAGE_TITLES,
  stepDoneFlash,
  SYSTEM_ACTOR_LABEL,
  CHANGE_PAGE_WORDS,
  changeProposedFlash,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { ChangeActionsService } from '../change-actions.service';
import { ChangeRequestsService } from '../change-requests.service';
import type { ChangeRequestDto } from '../dto/change-request.dto';
import type { ProposeChangeDto } from '../dto/propose-change.dto';
import type { StoredUpload } from '../../files/file-store.service';
import { FilesService } from '../../files/files.service';
import type { ActingContext } from '../../kit/acting-context';
import { CHANGE_ACTION_FORMS, proposeFields, ProposeChangeFormDto } from './change-console-forms';
import { RequirementsService } from '../../requirement/requirements.service';
import { KeyedRunService } from '../../common/keyed-run.service';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import { optionsOf, pagingOf } from '../../console/console-list';
import { createOnce, newOnce } from '../../console/form-once';
import { actionForms, formFields, readForm, type FailedForm } from '../../console/console-form';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { consoleAct, validationRefusal, type FormSending } from '../../kit/console-action';
import { FORM_ERROR } from '../../console/console-field';

const PAGE_SIZE = 20;
const isChangeAction = (a: string): a is ChangeAction =>
  (CHANGE_ACTIONS as readonly string[]).includes(a);

/** The change-request pages of the console and the email-link reply page, on the api's services. */
@Injectable()
export class ChangeConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly changes: ChangeRequestsService,
    private readonly actions: ChangeActionsService,
    private readonly files: FilesService,
    private readonly keyed: KeyedRunService,
    private readonly requirements: RequirementsService,
  ) {}

  async list(request: PageRequest): Promise<string> {
    const { actor } = request;
    const frame = await this.frame(request, PAGE_TITLES.changes, []);
    const q = request.query;
    const status = CHANGE_STATUSES.find((s) => s === q.status);
    const page = Math.max(1, Math.min(100000, Number(q.page) || 1));
    const found = frame.contract
      ? await this.changes.list(actor, frame.contract.id, { status, page, pageSize: PAGE_SIZE })
      : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    const link = (p: number) =>
      `/change-requests?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) }).toString()}`;
    return this.renderer.render('change-request/change-requests.html', {
      layout: frame.layout,
      contract: frame.contract,
      canPropose: frame.contract?.myParty !== null && frame.contract !== null,
      statuses: optionsOf(CHANGE_STATUSES, CHANGE_STATUS_LABELS, status),
      items: found.items.map((i) => ({
        ...i,
        status: CHANGE_STATUS_LABELS[i.status],
        changeType: CHANGE_TYPE_LABELS[i.changeType as ChangeType],
        proposer: PARTY_LABELS[i.proposerParty as Party],
        proposedAt: formatTime(i.proposedAt),
        replyDueAt: formatTime(i.replyDueAt),
      })),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }

  async newForm(request: PageRequest, failed?: Omit<FailedForm, 'action'>) {
    const frame = await this.frame(request, CHANGE_PAGE_WORDS.propose, [
      { label: CHANGE_PAGE_WORDS.proposeCrumb },
    ]);
    return this.renderer.render('change-request/change-request-new.html', {
      layout: frame.layout,
      contract: frame.contract,
      fields: formFields(
        'new',
        await this.proposeFieldsOf(request, frame),
        failed?.values,
        failed?.errors,
        ProposeChangeFormDto,
      ),
      formError: failed?.errors[FORM_ERROR],
      once: newOnce(),
    });
  }

  async propose(sent: FormSending): Promise<ConsoleOutcome> {
    const { page: request, body, uploads } = sent;
    const { actor, requestId } = request;
    const frame = await this.frame(request, CHANGE_PAGE_WORDS.propose, [
      { label: CHANGE_PAGE_WORDS.proposeCrumb },
    ]);
    if (!frame.contract) throw new DomainError('not_found', 'console.no_contract_to_propose', {});
    const fields = await this.proposeFieldsOf(request, frame);
    const form = await readForm(ProposeChangeFormDto, fields, body);
    if (!form.ok) {
      return { kind: 'page', status: 400, html: await this.newForm(request, form) };
    }
    const f = form.payload;
    const contractId = frame.contract.id;
    const effects: ProposeChangeDto['effects'] = [];
    // The form field each effect came from, so a refusal of `effects[i]` shows beside it.
    const effectFields: Array<Record<string, string>> = [];
    if (f.replanRequirementId) {
      effects.push({
        type: 'replan_requirement',
        requirementId: f.replanRequirementId,
        plannedDeliveryDate: f.replanDate,
      });
      effectFields.push({
        requirementId: 'replanRequirementId',
        plannedDeliveryDate: 'replanDate',
      });
    }
    if (f.grantRequirementId) {
      effects.push({ type: 'grant_quota', requirementId: f.grantRequirementId });
      effectFields.push({ requirementId: 'grantRequirementId' });
    }
    const refused = (error: unknown) => {
      const shown = validationRefusal(error, fields, (problem) => {
        const at = /^effects\[(\d+)\]\.(\w+)$/.exec(problem);
        return at ? effectFields[Number(at[1])]?.[at[2]] : undefined;
      });
      if (!shown) throw error;
      return shown;
    };
    const sending = { actor, scope: 'POST /change-requests/new', body, payload: f, uploads };
    let id: string;
    try {
      id = await createOnce(this.keyed, sending, async (once) => {
        const files = uploads.length
          ? await this.files.record(actor, contractId, 'attachment', uploads, requestId)
          : [];
        return this.changes.propose({ actor, requestId, ...once }, contractId, {
          title: f.title,
          description: f.description,
          changeType: f.changeType,
          impact: { scope: f.impactScope, schedule: f.impactSchedule, cost: f.impactCost },
          effects,
          attachments: files.map((x) => x.id),
        });
      });
    } catch (error) {
      const { status, errors } = refused(error);
      const html = await this.newForm(request, { values: form.values, errors });
      return { kind: 'page', status, html };
    }
    return { kind: 'redirect', location: `/change-requests/${id}`, flash: changeProposedFlash(id) };
  }

  /** The propose form with the contract's open requests to pick from. */
  private async proposeFieldsOf(request: PageRequest, frame: Frame) {
    const choices = frame.contract
      ? await this.requirements.openChoices(request.actor, frame.contract.id)
      : [];
    return proposeFields(choices);
  }

  async page(request: PageRequest, id: string, failed?: FailedForm): Promise<string> {
    const c = await this.changes.get(request.actor, id);
    const frame = await this.frame(request, `${c.id} ${c.title}`, [{ label: c.id }]);
    return this.renderer.render('change-request/change-request.html', {
      layout: frame.layout,
      ...this.view(c),
      forms: actionForms(
        c.allowedActions,
        CHANGE_ACTION_FORMS,
        changeStepLabel,
        (action) => `/change-requests/${encodeURIComponent(c.id)}/actions/${action}`,
        failed,
      ).map((f) => ({ ...f, multipart: f.form.multipart ?? false })),
    });
  }

  /** One step from the change's page, through the kit's console action. */
  act(sent: FormSending, id: string, action: string): Promise<ConsoleOutcome> {
    return consoleAct(
      {
        isAction: isChangeAction,
        forms: CHANGE_ACTION_FORMS,
        run: (ctx, step, payload, uploads) => this.step(ctx, id, step, payload, uploads),
        page: (failed) => this.page(sent.page, id, failed),
        location: `/change-requests/${encodeURIComponent(id)}`,
        done: (step) => stepDoneFlash(changeStepLabel(step)),
      },
      sent,
      action,
    );
  }

  /** A change step's payload, from its form, to the change's actions service. */
  private async step(
    ctx: ActingContext,
    id: string,
    action: ChangeAction,
    payload: object,
    uploads: StoredUpload[],
  ): Promise<void> {
    const p = payload as Record<string, string | undefined>;
    if (action === 'reply') {
      await this.actions.reply(ctx, id, { decision: p.decision as 'agree', comment: p.comment });
    } else if (action === 'archive') {
      await this.actions.archive(ctx, id, p.note ?? '', uploads);
    } else if (action === 'withdraw') {
      await this.actions.act(ctx, id, action, { reason: p.reason ?? '' });
    } else {
      await this.actions.act(ctx, id, action, { note: p.note ?? '' });
    }
  }

  /** The printable change confirmation: the request, its impact and every reply (who, when, how). */
  async confirmation(actor: Actor, id: string): Promise<string> {
    const c = await this.changes.get(actor, id);
    return this.renderer.render('change-request/change-confirmation.html', {
      title: `${CHANGE_PAGE_WORDS.confirmation} ${c.id}`,
      ...this.view(c),
    });
  }

  /** The email-link page: GET shows, only the form's POST (`answer`) decides. */
  async linkPage(
    actor: Actor,
    link: LinkTokenPayload,
    token: string,
    outcome?: { flash?: string; errors?: Record<string, string>; values?: Record<string, string> },
    requestId: string | null = null,
    answered?: ChangeRequestDto,
  ): Promise<string> {
    // After a reply the page shows the change as the reply's Update left it, not a second read.
    const c = answered ?? (await this.changes.get(actor, link.subjectId));
    const mine = c.replies.find((r) => r.party === link.party);
    const open = c.status === 'awaiting_replies' && mine?.decision === null;
    if (!open && !outcome) {
      // Opening a link that can no longer decide is a refusal too, in the trail.
      const reason = mine?.decision ? 'already_settled' : 'not_awaiting_replies';
      await this.changes.auditLinkRefusal(link, reason, `status ${c.status}`, requestId);
    }
    return this.renderer.render('change-request/change-reply-link.html', {
      title: `${PAGE_TITLES.changeReply} ${c.id}`,
      ...this.view(c),
      token,
      partyLabel: PARTY_LABELS[link.party],
      recipient: link.recipient,
      open,
      settledBy:
        mine && mine.decision ? this.view(c).replies.find((r) => r.partyKey === link.party) : null,
      flash: outcome?.flash ?? null,
      fields: formFields(
        'link',
        CHANGE_ACTION_FORMS.reply.fields,
        outcome?.values,
        outcome?.errors,
        CHANGE_ACTION_FORMS.reply.dto,
      ),
    });
  }

  async answerByLink(
    actor: Actor,
    link: LinkTokenPayload,
    token: string,
    body: Record<string, unknown>,
    requestId: string | null,
  ): Promise<ConsoleOutcome> {
    const form = await readForm(
      CHANGE_ACTION_FORMS.reply.dto,
      CHANGE_ACTION_FORMS.reply.fields,
      body,
    );
    if (!form.ok) {
      return { kind: 'page', status: 400, html: await this.linkPage(actor, link, token, form) };
    }
    const p = form.payload as { decision: 'agree' | 'disagree'; comment?: string };
    let answered: ChangeRequestDto;
    try {
      answered = await this.actions.replyByLink(
        { actor, requestId, idempotencyKey: null },
        link,
        link.subjectId,
        p,
      );
    } catch (error) {
      // A colleague answered first (or the change moved on): the page says who, when and how.
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      const flash = CHANGE_PAGE_WORDS.replyNotRecorded;
      return {
        kind: 'page',
        status: 409,
        html: await this.linkPage(actor, link, token, { flash }),
      };
    }
    return {
      kind: 'page',
      status: 200,
      html: await this.linkPage(
        actor,
        link,
        token,
        { flash: CHANGE_PAGE_WORDS.replyRecorded },
        requestId,
        answered,
      ),
    };
  }

  private view(c: ChangeRequestDto) {
    return {
      c,
      status: CHANGE_STATUS_LABELS[c.status],
      changeType: CHANGE_TYPE_LABELS[c.changeType as ChangeType],
      proposer: `${PARTY_LABELS[c.proposedBy.party]} ${c.proposedBy.name}`,
      proposedAt: formatTime(c.proposedAt),
      // From `agreed`: the sheet is what the parties sign before the vendor records it.
      confirmable: ['agreed', 'confirmed', 'implementing', 'archiving', 'closed'].includes(
        c.status,
      ),
      replies: c.replies.map((r) => ({
        partyKey: r.party,
        party: PARTY_LABELS[r.party],
        dueAt: formatTime(r.dueAt),
        provisional: r.provisional,
        decision: r.decision ? REPLY_DECISION_LABELS[r.decision] : CHANGE_PAGE_WORDS.notAnswered,
        disagree: r.decision === 'disagree',
        by: r.by?.name ?? '',
        at: formatTime(r.at),
        via: r.via ? REPLY_CHANNEL_LABELS[r.via] : '',
        comment: r.comment ?? '',
        silent: c.silentParties.includes(r.party),
      })),
      silent: c.silentParties.map((p) => PARTY_LABELS[p]),
      effects: c.effects.map((e, i) => ({
        label: CHANGE_EFFECT_LABELS[e.type],
        detail: effectDetail(e),
        result: c.effectResults?.[i]
          ? c.effectResults[i].outcome === 'applied'
            ? EFFECT_OUTCOME_LABELS.applied
            : `${EFFECT_OUTCOME_LABELS.refused}：${c.effectResults[i].message ?? ''}`
          : '',
      })),
      timeline: c.timeline.map((t) => ({
        at: formatTime(t.at),
        action: auditActionLabel(t.action),
        actor: t.actorEmail ?? SYSTEM_ACTOR_LABEL,
        status: t.toStatus
          ? CHANGE_STATUS_LABELS[t.toStatus as keyof typeof CHANGE_STATUS_LABELS]
          : '',
      })),
    };
  }

  private frame(
    request: PageRequest,
    title: string,
    crumbs: Array<{ label: string }>,
  ): Promise<Frame> {
    return this.frames.frameOf(request, {
      title,
      crumbs: [{ href: '/change-requests', label: PAGE_TITLES.changes }, ...crumbs],
      section: '/change-requests',
    });
  }
}

function effectDetail(e: ChangeEffect): string {
  switch (e.type) {
    case 'replan_requirement':
      return `${e.requirementId} → ${e.plannedDeliveryDate}`;
    case 'grant_quota':
      return e.requirementId;
    case 'contract_settings':
      return JSON.stringify({ ...e, type: undefined });
    case 'sla_policy':
      return JSON.stringify(e.policy.levels);
    case 'duty_plan':
      return e.plan.title;
  }
}
