import { Injectable } from '@nestjs/common';
import {
  COVERAGE_DAYS_LABELS,
  DomainError,
  FAULT_COVERAGE_LABELS,
  FAULT_LEVEL_LABELS,
  PAGE_TITLES,
  SLA_CLOCK_LABELS,
  SLA_POLICY_WORDS,
  slaPolicySavedFlash,
  slaPolicyVersionLabel,
} from '@luyue/domain';
import { FAULT_LEVELS, SLA_CLOCKS, type SlaPolicy } from '@luyue/fault-ticket/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { KeyedRunService } from '../../common/keyed-run.service';
import { FORM_ERROR } from '../../console/console-field';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import { formFields } from '../../console/console-form';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { createOnce, newOnce } from '../../console/form-once';
import type { FormSending } from '../../kit/console-action';
import { FaultTicketsService } from '../fault-tickets.service';
import {
  clockFields,
  policyFields,
  policyOfForm,
  policyRefusal,
  policyValues,
  readPolicyForm,
} from './sla-policy-fields';

interface Failed {
  values: Record<string, string>;
  errors: Record<string, string>;
}

const pageHref = (contractId: string): string =>
  `/fault-tickets/sla-policy?contract=${encodeURIComponent(contractId)}`;

/**
 * The contract's SLA policy as a form (admin, hospital manager), on the REST routes' service:
 * saving makes a new version, which tickets reported from then on run under.
 */
@Injectable()
export class SlaPolicyConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly tickets: FaultTicketsService,
    private readonly keyed: KeyedRunService,
  ) {}

  async page(request: PageRequest): Promise<string> {
    const frame = await this.frameOf(request);
    if (!frame.contract) return this.render(frame, null);
    const current = await this.tickets.policy(request.actor, frame.contract.id);
    return this.render(frame, current);
  }

  async save(sent: FormSending): Promise<ConsoleOutcome> {
    const { page: request, body } = sent;
    const frame = await this.frameOf(request);
    if (!frame.contract) throw new DomainError('not_found', 'console.no_contract_for_policy', {});
    const contractId = frame.contract.id;
    const { actor } = request;
    const current = await this.tickets.policy(actor, contractId);
    const fields = policyFields(current.policy);
    const form = readPolicyForm(fields, body);
    const again = (failed: Failed): ConsoleOutcome => ({
      kind: 'page',
      status: 400,
      html: this.render(frame, current, failed),
    });
    if (Object.keys(form.errors).length > 0) return again(form);
    const policy = policyOfForm(form.values, current.policy);
    try {
      const version = await createOnce(
        this.keyed,
        { actor, scope: 'POST /fault-tickets/sla-policy', body, payload: policy },
        async (once) =>
          once.createdBefore
            ? { id: once.createdBefore }
            : {
                id: String((await this.tickets.savePolicy(actor, contractId, policy)).version),
              },
      );
      return {
        kind: 'redirect',
        location: pageHref(contractId),
        flash: slaPolicySavedFlash(Number(version)),
      };
    } catch (error) {
      const refused = policyRefusal(error, form.values, fields);
      if (!refused) throw error;
      return again({ values: form.values, errors: refused.errors });
    }
  }

  private frameOf(request: PageRequest): Promise<Frame> {
    return this.frames.frameOf(request, {
      title: SLA_POLICY_WORDS.title,
      crumbs: [
        { href: '/fault-tickets', label: PAGE_TITLES.faultTickets },
        { label: SLA_POLICY_WORDS.title },
      ],
      section: '/fault-tickets',
    });
  }

  private render(
    frame: Frame,
    current: { version: number | null; policy: SlaPolicy } | null,
    failed?: Failed,
  ): string {
    const policy = current?.policy;
    const values = failed?.values ?? (policy ? policyValues(policy) : {});
    return this.renderer.render('fault-ticket/sla-policy.html', {
      layout: frame.layout,
      contract: frame.contract,
      words: SLA_POLICY_WORDS,
      version: current ? slaPolicyVersionLabel(current.version) : '',
      once: newOnce(),
      formError: failed?.errors[FORM_ERROR],
      coverages: Object.entries(policy?.coverages ?? {}).map(([name, c]) => ({
        name: FAULT_COVERAGE_LABELS[name] ?? name,
        days: COVERAGE_DAYS_LABELS[c.days],
        segments: c.segments.join('、'),
      })),
      levels: policy
        ? FAULT_LEVELS.map((level) => ({
            level,
            label: FAULT_LEVEL_LABELS[level],
            clocks: SLA_CLOCKS.map((kind) => ({
              kind,
              label: SLA_CLOCK_LABELS[kind],
              fields: formFields(
                'policy',
                clockFields(policy, level, kind),
                values,
                failed?.errors,
              ),
            })),
          }))
        : [],
    });
  }
}
