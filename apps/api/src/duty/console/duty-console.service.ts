import { Injectable } from '@nestjs/common';
import {
  contractYearOf,
  DomainError,
  fieldProblemsOf,
  validationFailed,
  DUTY_CADENCE_LABELS,
  DUTY_KIND_LABELS,
  DUTY_SIGNER_LABELS,
  DUTY_STATUS_LABELS,
  DUTY_TERMS,
  dutyPlanCreatedFlash,
  formatTime,
  PAGE_TITLES,
  shanghaiDate,
} from '@luyue/domain';
import { DUTY_KINDS, DUTY_STATUSES } from '@luyue/duty/definitions';
import type { DutyPlanRecord } from '@luyue/duty';
import { TemplateRenderer } from '@luyue/notifications';
import { KeyedRunService } from '../../common/keyed-run.service';
import { FORM_ERROR } from '../../console/console-field';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import { formFields, type FailedForm } from '../../console/console-form';
import { checkedListQuery, optionsOf, pagingOf } from '../../console/console-list';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { PageRequest } from '../../console/console-page';
import { createOnce, newOnce } from '../../console/form-once';
import { validationRefusal, type FormSending } from '../../kit/console-action';
import { DutyListQueryDto } from '../dto/duty.dto';
import { DutiesService } from '../duties.service';
import { DutyPlansService } from '../duty-plans.service';
import { NEW_PLAN_VALUES, planFields, planOfForm } from './duty-plan-form';
import { typedValues } from './typed-values';

const PAGE_SIZE = 50;
const CREATORS = ['admin', 'hospital_manager'] as const;

const text = (q: Record<string, unknown>, k: string): string | undefined =>
  typeof q[k] === 'string' && q[k].trim() !== '' ? q[k].trim() : undefined;

/** The contract's duties, its plans with the plan form, and the year's figures. */
@Injectable()
export class DutyConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly duties: DutiesService,
    private readonly plans: DutyPlansService,
    private readonly keyed: KeyedRunService,
  ) {}

  async list(request: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.duties,
      crumbs: [{ label: PAGE_TITLES.duties }],
      section: '/duties',
    });
    const contract = frame.contract;
    const q = request.query;
    const year = text(q, 'year') ?? String(currentYear(frame) ?? 1);
    const filters = {
      kind: text(q, 'kind'),
      state: text(q, 'state'),
      year,
      planId: text(q, 'plan'),
    };
    const query = await checkedListQuery(DutyListQueryDto, {
      ...filters,
      page: text(q, 'page'),
      pageSize: PAGE_SIZE,
    });
    const found = contract
      ? await this.duties.list(request.actor, contract.id, query)
      : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
    const shown: Record<string, string> = { year };
    if (filters.kind) shown.kind = filters.kind;
    if (filters.state) shown.state = filters.state;
    if (filters.planId) shown.plan = filters.planId;
    const link = (page: number) =>
      `/duties?${new URLSearchParams({ ...shown, page: String(page) }).toString()}`;
    const now = new Date().toISOString();
    return this.renderer.render('duty/duties.html', {
      layout: frame.layout,
      contract,
      terms: DUTY_TERMS,
      ledgerYear: year,
      filters: {
        kinds: optionsOf(DUTY_KINDS, DUTY_KIND_LABELS, filters.kind),
        states: optionsOf(DUTY_STATUSES, DUTY_STATUS_LABELS, filters.state),
        years: (contract?.years ?? []).map((y) => ({ ...y, selected: String(y.yearNo) === year })),
      },
      items: found.items.map((d) => ({
        id: d.id,
        number: d.number,
        kind: d.state.plan.customKind ?? DUTY_KIND_LABELS[d.kind],
        title: d.title,
        dueDay: d.dueDay,
        recordDueAt: formatTime(d.recordDueAt),
        provisional: d.provisional,
        late: d.breachedAt !== null,
        overdue: ['open', 'returned'].includes(d.status) && d.recordDueAt < now,
        status: DUTY_STATUS_LABELS[d.status],
      })),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }

  async plansPage(request: PageRequest, failed?: Omit<FailedForm, 'action'>): Promise<string> {
    const frame = await this.plansFrame(request);
    return this.renderPlans(request, frame, failed);
  }

  /** A new plan from the form, once per sending; its occurrences are generated at once. */
  async createPlan(sent: FormSending): Promise<ConsoleOutcome> {
    const frame = await this.plansFrame(sent.page);
    if (!frame.contract) throw new DomainError('not_found', 'contract.not_found', {});
    if (!this.mayCreate(frame)) {
      throw new DomainError(
        'forbidden',
        'action.role_refused',
        { roles: [...CREATORS], action: 'create', noun: 'a duty plan' },
        { action: 'create', allowedRoles: [...CREATORS] },
      );
    }
    const contractId = frame.contract.id;
    const dto = planOfForm(sent.body);
    const { actor } = sent.page;
    let generated = 0;
    try {
      await createOnce(
        this.keyed,
        { actor, scope: 'POST /duties/plans', body: sent.body, payload: dto },
        async () => {
          const made = await this.plans.create(actor, contractId, dto);
          generated = made.generated ?? 0;
          return made;
        },
      );
    } catch (error) {
      const refused = validationRefusal(
        onPlanForm(error),
        planFields(frame.contract.settings.systems),
      );
      if (!refused) throw error;
      const values = typedValues(sent.body);
      const html = await this.renderPlans(sent.page, frame, { values, errors: refused.errors });
      return { kind: 'page', status: refused.status, html };
    }
    return { kind: 'redirect', location: '/duties/plans', flash: dutyPlanCreatedFlash(generated) };
  }

  async figures(request: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.dutyFigures,
      crumbs: [{ href: '/duties', label: PAGE_TITLES.duties }, { label: PAGE_TITLES.dutyFigures }],
      section: '/duties',
    });
    const contract = frame.contract;
    const asked = Number(text(request.query, 'year') ?? currentYear(frame) ?? 1);
    const year = contract?.years.some((y) => y.yearNo === asked) ? asked : 1;
    const f = contract ? await this.duties.figures(request.actor, contract.id, year) : null;
    const row = (label: string, c: NonNullable<typeof f>['total']) => ({
      label,
      ...c,
      rate: c.completionPermille === null ? '—' : `${(c.completionPermille / 10).toFixed(1)}%`,
      bar: c.completionPermille === null ? 0 : Math.round(c.completionPermille / 5),
      short: c.completionPermille !== null && c.completionPermille < 1000,
    });
    return this.renderer.render('duty/duty-figures.html', {
      layout: frame.layout,
      title: PAGE_TITLES.dutyFigures,
      contract,
      terms: DUTY_TERMS,
      year,
      years: (contract?.years ?? []).map((y) => ({ ...y, selected: y.yearNo === year })),
      rows: f
        ? [...f.kinds.map((k) => row(DUTY_KIND_LABELS[k.kind], k)), row(DUTY_TERMS.total, f.total)]
        : [],
      holidayMissesOver: f?.holidayMissesOver ?? false,
      holidayMissed: f?.kinds.find((k) => k.kind === 'holiday_duty')?.missed ?? 0,
    });
  }

  /** The month's printable summary: every occurrence due in it, the counts, a signature block. */
  async month(request: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.dutyMonth,
      crumbs: [{ href: '/duties', label: PAGE_TITLES.duties }, { label: PAGE_TITLES.dutyMonth }],
      section: '/duties',
    });
    const asked = text(request.query, 'month');
    const month =
      asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : shanghaiDate(new Date()).slice(0, 7);
    const contract = frame.contract;
    const found = contract ? await this.duties.month(request.actor, contract.id, month) : null;
    return this.renderer.render('duty/duty-month.html', {
      layout: frame.layout,
      title: PAGE_TITLES.dutyMonth,
      contract,
      terms: DUTY_TERMS,
      month,
      total: found?.total,
      rate:
        found?.total.completionPermille == null
          ? '—'
          : `${(found.total.completionPermille / 10).toFixed(1)}%`,
      items: (found?.items ?? []).map((d) => ({
        id: d.id,
        number: d.number,
        kind: d.state.plan.customKind ?? DUTY_KIND_LABELS[d.kind],
        title: d.title,
        dueDay: d.dueDay,
        status: DUTY_STATUS_LABELS[d.status],
        late: d.breachedAt !== null,
        signedBy: d.state.signatures
          .map((g) => `${DUTY_SIGNER_LABELS[g.role]} ${g.by.name}`)
          .join('、'),
      })),
    });
  }

  private async plansFrame(request: PageRequest): Promise<Frame> {
    return this.frames.frameOf(request, {
      title: PAGE_TITLES.dutyPlans,
      crumbs: [{ href: '/duties', label: PAGE_TITLES.duties }, { label: PAGE_TITLES.dutyPlans }],
      section: '/duties',
    });
  }

  private async renderPlans(
    request: PageRequest,
    frame: Frame,
    failed?: Omit<FailedForm, 'action'>,
  ): Promise<string> {
    const contract = frame.contract;
    const plans = contract ? await this.plans.list(request.actor, contract.id) : [];
    return this.renderer.render('duty/duty-plans.html', {
      layout: frame.layout,
      contract,
      terms: DUTY_TERMS,
      plans: plans.map(planRow),
      canCreate: this.mayCreate(frame),
      failed: Boolean(failed),
      formError: failed?.errors[FORM_ERROR],
      fields: formFields(
        'plan',
        planFields(contract?.settings.systems ?? []),
        failed?.values ?? NEW_PLAN_VALUES,
        failed?.errors,
      ),
      once: newOnce(),
    });
  }

  private mayCreate(frame: Frame): boolean {
    return CREATORS.some((r) => frame.acting?.roles.includes(r) ?? false);
  }
}

function planRow(p: DutyPlanRecord) {
  return {
    id: p.id,
    kind: p.plan.customKind ?? DUTY_KIND_LABELS[p.plan.kind],
    title: p.plan.title,
    systems: p.plan.systems.join('、'),
    cadence: DUTY_CADENCE_LABELS[p.plan.cadence.type],
    signers: p.plan.signers.map((r) => DUTY_SIGNER_LABELS[r]).join('、'),
    status: p.active ? DUTY_TERMS.active : DUTY_TERMS.stopped,
  };
}

function currentYear(frame: Frame): number | null {
  return contractYearOf(frame.contract?.years ?? [], shanghaiDate(new Date()))?.yearNo ?? null;
}

/** The plan's problems where the form shows them: a checklist line's under the checklist box. */
function onPlanForm(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed') return error;
  const fields = fieldProblemsOf(error).map((p) =>
    p.field.startsWith('checklist.') ? { ...p, field: 'checklist' } : p,
  );
  return validationFailed(fields);
}
