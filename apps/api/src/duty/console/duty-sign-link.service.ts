import { Injectable } from '@nestjs/common';
import {
  DomainError,
  DUTY_STEP_FIELDS,
  DUTY_TERMS,
  dutyStepLabel,
  zhOf,
  type MessageKey,
  PAGE_TITLES,
  stepDoneFlash,
  type Actor,
  type LinkTokenPayload,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import type { Field } from '../../console/console-field';
import { formFields } from '../../console/console-form';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { DutiesService } from '../duties.service';
import { DutyActionsService } from '../duty-actions.service';
import { dutyView } from './duty-view';

const SIGN_FIELDS: Field[] = [
  { name: 'note', label: DUTY_STEP_FIELDS.signNote, type: 'textarea', omitEmpty: true },
];
const REFUSE_FIELDS: Field[] = [
  { name: 'reason', label: DUTY_STEP_FIELDS.reason, type: 'textarea', required: true },
];
const HASH = /^[0-9a-f]{64}$/;

interface Outcome {
  flash?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/**
 * A signer's way in from the mail: the link is the principal, GET only shows the record, the
 * form's POST signs or refuses exactly the record shown (its sha256), once.
 */
@Injectable()
export class DutySignLinkService {
  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly duties: DutiesService,
    private readonly steps: DutyActionsService,
  ) {}

  async page(actor: Actor, link: LinkTokenPayload, token: string, outcome: Outcome = {}) {
    const d = await this.duties.viewByLink(actor, link);
    const files = `/duty-signatures/${token}/files`;
    return this.renderer.render('duty/duty-sign-link.html', {
      title: `${PAGE_TITLES.dutySign} ${d.number}`,
      terms: DUTY_TERMS,
      duty: dutyView(d, files),
      token,
      recipient: link.recipient,
      flash: outcome.flash ?? null,
      canSign: d.allowedActions.includes('sign') && d.state.record !== null,
      signLabel: dutyStepLabel('sign'),
      refuseLabel: dutyStepLabel('refuse'),
      signFields: formFields('link-sign', SIGN_FIELDS, outcome.values),
      refuseFailed: Boolean(outcome.errors?.reason),
      refuseFields: formFields('link-refuse', REFUSE_FIELDS, outcome.values, outcome.errors),
    });
  }

  async answer(
    actor: Actor,
    link: LinkTokenPayload,
    token: string,
    body: Record<string, unknown> | undefined,
    requestId: string | null,
  ): Promise<ConsoleOutcome> {
    const text = (name: string) => (typeof body?.[name] === 'string' ? body[name] : '');
    const values = { note: text('note'), reason: text('reason') };
    const hash = text('hash');
    const decision = text('decision');
    if (!HASH.test(hash) || (decision !== 'sign' && decision !== 'refuse')) {
      throw new DomainError('validation_failed', 'validation.fields', {
        fields: [{ field: 'decision', message: 'must be sign or refuse, with the record hash' }],
      });
    }
    if (decision === 'refuse' && values.reason.trim() === '') {
      const errors = { reason: zhOf('field.required', { field: 'reason' }) };
      return {
        kind: 'page',
        status: 400,
        html: await this.page(actor, link, token, { errors, values }),
      };
    }
    const ctx = { actor, requestId, idempotencyKey: null, link };
    try {
      if (decision === 'sign') {
        await this.steps.act(ctx, link.subjectId, 'sign', {
          hash,
          note: values.note,
          via: 'link',
          linkJti: link.jti,
        });
      } else {
        await this.steps.act(ctx, link.subjectId, 'refuse', {
          reason: values.reason,
          linkJti: link.jti,
        });
      }
    } catch (error) {
      // The record changed since it was shown, or someone of the role signed first.
      if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error;
      const flash = zhOf(error.key as MessageKey, error.params as never);
      return { kind: 'page', status: 409, html: await this.page(actor, link, token, { flash }) };
    }
    const flash = stepDoneFlash(dutyStepLabel(decision));
    return { kind: 'page', status: 200, html: await this.page(actor, link, token, { flash }) };
  }
}
