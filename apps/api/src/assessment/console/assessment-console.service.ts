import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ASSESSMENT_INDICATOR_LABELS,
  ASSESSMENT_TERMS,
  FAULT_LEVEL_LABELS,
  ASSESSMENT_INDICATOR_KEYS,
  PAGE_TITLES,
  SLA_CLOCK_LABELS,
  contractYearOf,
  formatTime,
  shanghaiDate,
} from '@luyue/domain';
import type { FaultLevel, SlaClock } from '@luyue/fault-ticket/definitions';
import { INDICATOR_RULES, type EvidenceKind, type Indicator } from '@luyue/assessment/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { FORM_ERROR } from '../../console/console-field';
import { ConsoleFrameService, type Frame } from '../../console/console-frame.service';
import type { ConsoleOutcome } from '../../console/console-outcome';
import type { FormSending } from '../../kit/console-action';
import type { PageRequest } from '../../console/console-page';
import { AssessmentService } from '../assessment.service';
import {
  templateOfForm,
  templateRefusal,
  templateValues,
  type TemplateValues,
} from './assessment-template-form';

/** Where each kind of evidence is shown in the console. */
const EVIDENCE_PAGES: Record<EvidenceKind, string> = {
  fault_ticket: '/fault-tickets',
  duty: '/duties',
  requirement: '/requirements',
  security_task: '/security/tasks',
};

const T = ASSESSMENT_TERMS;
const LABELS: Record<string, string> = T.evidenceLabels;

/** A count's words: `overruns.level_1` reads as the overruns of level 1. */
function countLabel(key: string): string {
  const [base, level] = key.split('.');
  const levelLabel = level ? FAULT_LEVEL_LABELS[level as FaultLevel] : '';
  return base === 'major_breach'
    ? `${levelLabel}${T.majorBreach}`
    : `${levelLabel}${LABELS[base] ?? base}`;
}

function unitText(i: Pick<Indicator, 'unit'>, n: number): string {
  return i.unit === 'percent'
    ? `${n}${T.percent}`
    : i.unit === 'count'
      ? `${n} ${T.times}`
      : `${n} ${T.points}`;
}

/** The scorecard page of a contract year: every indicator with its evidence linked. */
@Injectable()
export class AssessmentConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly assessment: AssessmentService,
  ) {}

  async scorecard(request: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.assessment,
      crumbs: [{ label: PAGE_TITLES.assessment }],
      section: '/assessment',
    });
    const contract = frame.contract;
    const current = contractYearOf(contract?.years ?? [], shanghaiDate(new Date()))?.yearNo ?? 1;
    const asked = Number(request.query.year ?? current);
    const year = contract?.years.some((y) => y.yearNo === asked) ? asked : current;
    const card = contract
      ? await this.assessment.scorecard(request.actor, contract.id, year)
      : null;
    return this.renderer.render('assessment/scorecard.html', {
      layout: frame.layout,
      title: PAGE_TITLES.assessment,
      contract,
      terms: T,
      canEdit: request.actor.roles.some((r) => r === 'admin' || r === 'hospital_manager'),
      year,
      years: (contract?.years ?? []).map((y) => ({ ...y, selected: y.yearNo === year })),
      asOf: card && formatTime(card.asOf),
      overall: card && {
        outcome: card.overall,
        label: { pass: T.allPass, fail: T.notAllPass, no_data: T.overallPending }[card.overall],
      },
      indicators: (card?.indicators ?? []).map((i) => ({
        key: i.key,
        label: ASSESSMENT_INDICATOR_LABELS[i.key].label,
        formula: i.formula,
        target: `${i.comparison === 'at_least' ? T.atLeast : T.atMost} ${unitText(i, i.target)}`,
        value: i.value === null ? '—' : unitText(i, i.value),
        outcome: i.outcome,
        outcomeLabel: { pass: T.pass, fail: T.fail, no_data: T.noData, disabled: T.disabled }[
          i.outcome
        ],
        manual: i.manual,
        counts: Object.entries(i.counts).map(([k, n]) => ({ label: countLabel(k), n })),
        evidence: i.evidence.map((e) => ({
          href: `${EVIDENCE_PAGES[e.kind]}/${encodeURIComponent(e.id)}`,
          number: e.number,
          mark: LABELS[e.mark] ?? e.mark,
          detail: (e.detail ?? []).map((c) => SLA_CLOCK_LABELS[c as SlaClock] ?? c).join('、'),
        })),
      })),
    });
  }

  /** The template as a form (admin, hospital manager), on the REST route's service. */
  async templatePage(request: PageRequest): Promise<string> {
    const frame = await this.templateFrame(request);
    if (!frame.contract) return this.renderTemplate(frame, {});
    const t = await this.assessment.template(request.actor, frame.contract.id);
    return this.renderTemplate(frame, templateValues(t));
  }

  async saveTemplate(sent: FormSending): Promise<ConsoleOutcome> {
    const frame = await this.templateFrame(sent.page);
    if (!frame.contract)
      throw new DomainError('not_found', 'console.no_contract_for_assessment', {});
    const { values, template, errors } = templateOfForm(sent.body);
    const again = (e: Record<string, string>): ConsoleOutcome => ({
      kind: 'page',
      status: 400,
      html: this.renderTemplate(frame, values, e),
    });
    if (!template) return again(errors);
    try {
      await this.assessment.saveTemplate(sent.page.actor, frame.contract.id, template);
    } catch (error) {
      const refused = templateRefusal(error, template);
      if (!refused) throw error;
      return again(refused);
    }
    return {
      kind: 'redirect',
      location: `/assessment/template?contract=${encodeURIComponent(frame.contract.id)}`,
      flash: T.templateSaved,
    };
  }

  private templateFrame(request: PageRequest): Promise<Frame> {
    return this.frames.frameOf(request, {
      title: T.editTemplate,
      crumbs: [{ href: '/assessment', label: PAGE_TITLES.assessment }, { label: T.editTemplate }],
      section: '/assessment',
    });
  }

  private renderTemplate(
    frame: Frame,
    values: TemplateValues,
    errors: Record<string, string> = {},
  ): string {
    return this.renderer.render('assessment/template.html', {
      layout: frame.layout,
      title: T.editTemplate,
      contract: frame.contract,
      terms: T,
      formError: errors[FORM_ERROR],
      indicators: ASSESSMENT_INDICATOR_KEYS.map((key) => ({
        key,
        label: ASSESSMENT_INDICATOR_LABELS[key].label,
        comparison: INDICATOR_RULES[key].comparison === 'at_least' ? T.atLeast : T.atMost,
        unit: { percent: T.percent, count: T.times, points: T.points }[INDICATOR_RULES[key].unit],
        enabled: values[`${key}.enabled`] === 'yes',
        target: values[`${key}.target`] ?? '',
        error: errors[`${key}.target`],
      })),
      manualPercent: values.manualPercent ?? '',
      manualNote: values.manualNote ?? '',
      maintenanceWindows: values.maintenanceWindows ?? '',
      errors: {
        manualPercent: errors.manualPercent,
        manualNote: errors.manualNote,
        maintenanceWindows: errors.maintenanceWindows,
      },
    });
  }
}
