import { Injectable } from '@nestjs/common';
import {
  ASSESSMENT_INDICATOR_LABELS,
  ASSESSMENT_TERMS,
  FAULT_LEVEL_LABELS,
  PAGE_TITLES,
  SLA_CLOCK_LABELS,
  contractYearOf,
  formatTime,
  shanghaiDate,
} from '@luyue/domain';
import type { FaultLevel, SlaClock } from '@luyue/fault-ticket/definitions';
import type { EvidenceKind, Indicator } from '@luyue/assessment/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { ConsoleFrameService } from '../../console/console-frame.service';
import type { PageRequest } from '../../console/console-page';
import { AssessmentService } from '../assessment.service';

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
}
