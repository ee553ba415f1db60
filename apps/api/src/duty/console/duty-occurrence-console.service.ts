import { Injectable } from '@nestjs/common';
import {
  DUTY_TERMS,
  dutyStepLabel,
  PAGE_TITLES,
  stepDoneFlash,
  DUTY_STEP_FIELDS,
  dutyItemFilesLabel,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { FORM_ERROR } from '../../console/console-field';
import { ConsoleFrameService } from '../../console/console-frame.service';
import { actionForms, formFields, readForm, type FailedForm } from '../../console/console-form';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { sendingKeyOf } from '../../console/form-once';
import { consoleAct, validationRefusal, type FormSending } from '../../kit/console-action';
import type { DutyReasonDto } from '../dto/duty.dto';
import { DutiesService, type DutyView } from '../duties.service';
import { DutyActionsService } from '../duty-actions.service';
import {
  answersJsonOf,
  DUTY_ACTION_FORMS,
  FAULT_FROM_ITEM,
  isDutyAction,
  itemFields,
} from './duty-console-forms';
import { dutyView } from './duty-view';
import { typedValues } from './typed-values';

/** One occurrence's page (record, signatures, history, the viewer's steps) and its printed report. */
@Injectable()
export class DutyOccurrenceConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly duties: DutiesService,
    private readonly steps: DutyActionsService,
  ) {}

  async page(request: PageRequest, id: string, failed?: FailedForm): Promise<string> {
    const d = await this.duties.view(request.actor, id);
    const frame = await this.frames.frameOf(request, {
      title: `${d.number} ${d.title}`,
      crumbs: [{ href: '/duties', label: PAGE_TITLES.duties }, { label: d.number }],
      section: '/duties',
    });
    const href = (action: string) => `/duties/${encodeURIComponent(id)}/actions/${action}`;
    const items = itemFields(d.state.plan.checklist);
    const view = dutyView(d, '/api/files');
    const mayReport = d.state.plan.checklist.length > 0 && frame.acting?.party != null;
    const context = {
      layout: frame.layout,
      terms: DUTY_TERMS,
      duty: view,
      forms: actionForms(d.allowedActions, DUTY_ACTION_FORMS, dutyStepLabel, href, failed).map(
        (f) => ({
          ...f,
          fields:
            f.action === 'record'
              ? formFields(
                  'record',
                  [...DUTY_ACTION_FORMS.record.fields, ...items],
                  recordValues(d, failed),
                  f.failed ? failed?.errors : undefined,
                )
              : f.fields,
          multipart: DUTY_ACTION_FORMS[f.action].multipart ?? false,
          itemFiles:
            f.action === 'record'
              ? d.state.plan.checklist.map((i) => ({
                  key: i.key,
                  label: dutyItemFilesLabel(i.text),
                }))
              : [],
          hash: f.action === 'sign' ? d.state.record?.hash : undefined,
          formError: f.failed ? failed?.errors[FORM_ERROR] : undefined,
          filesLabel: DUTY_STEP_FIELDS.files,
        }),
      ),
      faultForms: mayReport
        ? view.items
            .filter((i) => i.abnormal && !i.faultHref)
            .map((i) => ({
              key: i.key,
              text: i.text,
              href: `/duties/${encodeURIComponent(id)}/items/${encodeURIComponent(i.key)}/fault-ticket`,
              fields: formFields(`fault-${i.key}`, FAULT_FROM_ITEM.fields),
            }))
        : [],
      // Only the hospital submits customization requests.
      requirementForms:
        frame.acting?.party === 'hospital'
          ? view.items
              .filter((i) => i.abnormal && !i.requirementHref)
              .map((i) => ({
                key: i.key,
                text: i.text,
                href: `/duties/${encodeURIComponent(id)}/items/${encodeURIComponent(i.key)}/requirement`,
              }))
          : [],
    };
    return this.renderer.render('duty/duty.html', {
      ...context,
      hasFollowUps: context.faultForms.length + context.requirementForms.length > 0,
    });
  }

  /** The printable inspection report: the record and its signature block, nothing to click. */
  async report(request: PageRequest, id: string): Promise<string> {
    const d = await this.duties.view(request.actor, id);
    const frame = await this.frames.frameOf(request, {
      title: `${d.number} ${d.title}`,
      crumbs: [
        { href: '/duties', label: PAGE_TITLES.duties },
        { href: `/duties/${d.id}`, label: d.number },
        { label: DUTY_TERMS.print },
      ],
      section: '/duties',
    });
    return this.renderer.render('duty/duty-report.html', {
      layout: frame.layout,
      terms: DUTY_TERMS,
      duty: dutyView(d, '/api/files'),
      contract: frame.contract,
    });
  }

  /** One step from the page, through the kit's console action. */
  async act(sent: FormSending, id: string, action: string): Promise<ConsoleOutcome> {
    const d = await this.duties.view(sent.page.actor, id);
    const items = itemFields(d.state.plan.checklist);
    return consoleAct(
      {
        isAction: isDutyAction,
        forms: DUTY_ACTION_FORMS,
        run: (ctx, step, payload, uploads) => {
          if (step === 'record') {
            const summary = (payload as { summary?: string }).summary ?? '';
            const answers = answersJsonOf(d.state.plan.checklist, sent.body);
            return this.steps.record(ctx, id, summary, answers, uploads);
          }
          if (step === 'sign') {
            const note = (payload as { note?: string }).note ?? '';
            const hash = typeof sent.body?.hash === 'string' ? sent.body.hash : '';
            return this.steps.act(ctx, id, 'sign', { hash, note, via: 'console' });
          }
          return this.steps.act(ctx, id, step, { reason: (payload as DutyReasonDto).reason });
        },
        page: (failed) =>
          this.page(sent.page, id, {
            ...failed,
            values: { ...typedValues(sent.body), ...failed.values },
          }),
        refusal: (error, fields) => validationRefusal(error, [...fields, ...items]),
        location: `/duties/${encodeURIComponent(id)}`,
        done: (step) => stepDoneFlash(dutyStepLabel(step)),
      },
      sent,
      action,
    );
  }

  /** A customization request for an abnormal item, then back to the occurrence. */
  async openRequirement(sent: FormSending, id: string, key: string): Promise<ConsoleOutcome> {
    const { actor, requestId } = sent.page;
    const idempotencyKey = sendingKeyOf(sent.body, { key }, []);
    await this.steps.openFollowUp({ actor, requestId, idempotencyKey }, id, key, 'requirement', {});
    return {
      kind: 'redirect',
      location: `/duties/${encodeURIComponent(id)}`,
      flash: stepDoneFlash(DUTY_TERMS.openRequirement),
    };
  }

  /** A fault ticket for an abnormal item, then back to the occurrence. */
  async openFault(sent: FormSending, id: string, key: string): Promise<ConsoleOutcome> {
    const form = await readForm(FAULT_FROM_ITEM.dto, FAULT_FROM_ITEM.fields, sent.body);
    if (!form.ok) return { kind: 'page', status: 400, html: await this.page(sent.page, id) };
    const { actor, requestId } = sent.page;
    const idempotencyKey = sendingKeyOf(sent.body, form.payload, []);
    await this.steps.openFollowUp(
      { actor, requestId, idempotencyKey },
      id,
      key,
      'fault_ticket',
      form.payload,
    );
    return {
      kind: 'redirect',
      location: `/duties/${encodeURIComponent(id)}`,
      flash: stepDoneFlash(DUTY_TERMS.openFault),
    };
  }
}

/** What the record form shows: what was typed when it failed, else the record as it stands. */
function recordValues(d: DutyView, failed?: FailedForm): Record<string, string> {
  if (failed?.action === 'record') return failed.values;
  const record = d.state.record;
  if (!record) return {};
  return Object.fromEntries<string>([
    ['summary', record.summary],
    ...record.answers.flatMap((a): Array<[string, string]> => [
      [`answers.${a.key}.result`, a.result],
      [`answers.${a.key}.note`, a.note],
    ]),
  ]);
}
