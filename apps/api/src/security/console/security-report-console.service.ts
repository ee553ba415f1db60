import { Injectable } from '@nestjs/common';
import {
  DomainError,
  NOTICE_SOURCE_LABELS,
  SEVERITY_LABELS,
  RECTIFICATION_REPORT_LABELS,
  type Actor,
  PAGE_TITLES,
  SECURITY_PAGE_WORDS,
  issuedInYear,
  completionChartTitle,
  COMPLETION_CHART_WORDS,
} from '@luyue/domain';
import {
  FINDING_SEVERITIES,
  NOTICE_SOURCES,
  type NoticeSource,
  type CompletionCounts,
  type CompletionFigures,
  type WorkingDaySpread,
} from '@luyue/security/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { RectificationReportService } from '../rectification-report.service';
import { reportCounts } from '../rectification-report.builder';
import { RemediationService } from '../security-task-actions.service';
import { SecurityNoticesService } from '../security-notices.service';
import { ConsoleFrameService } from '../../console/console-frame.service';
import type { PageRequest } from '../../console/console-page';
import { renderSvgChart } from '../../console/svg-chart';

export const SECURITY_CHARTS = ['completion', 'by-source'] as const;
type SecurityChart = (typeof SECURITY_CHARTS)[number];

const isSource = (s: string): s is NoticeSource =>
  (NOTICE_SOURCES as readonly string[]).includes(s);

const spread = (d: WorkingDaySpread) => ({
  count: d.count,
  median: d.median ?? '—',
  p90: d.p90 ?? '—',
});

/** A row of figures as the stats page shows it: counts, rate, flags, days to verification. */
function figuresRow(f: CompletionFigures) {
  return {
    ...reportCounts(f),
    overdue: f.overdue,
    breached: f.breached,
    days: spread(f.daysToVerification),
    bySeverity: FINDING_SEVERITIES.filter((k) => f.bySeverity[k].issued > 0).map((k) => ({
      key: k,
      label: SEVERITY_LABELS[k],
      ...reportCounts(f.bySeverity[k]),
    })),
    bySource: Object.entries(f.bySource).map(([source, c]) => ({
      label: isSource(source) ? NOTICE_SOURCE_LABELS[source] : source,
      ...reportCounts(c),
    })),
  };
}

/** The rectification report (printable) and remediation statistics with its chart, on the services behind the REST routes. */
@Injectable()
export class SecurityReportConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly reports: RectificationReportService,
    private readonly remediation: RemediationService,
    private readonly notices: SecurityNoticesService,
  ) {}

  async report(page: PageRequest, id: string): Promise<string> {
    const report = await this.reports.report(page.actor, id);
    const frame = await this.frames.frameOf(page, {
      title: `${report.notice.number} ${SECURITY_PAGE_WORDS.report}`,
      crumbs: [
        { href: '/security', label: PAGE_TITLES.security },
        { href: `/security/notices/${report.notice.id}`, label: report.notice.number },
        { label: SECURITY_PAGE_WORDS.report },
      ],
      section: '/security',
    });
    return this.renderer.render('security/security-report.html', {
      layout: frame.layout,
      report,
      labels: RECTIFICATION_REPORT_LABELS,
    });
  }

  async stats(page: PageRequest, year?: number): Promise<string> {
    const { actor } = page;
    const frame = await this.frames.frameOf(page, {
      title: SECURITY_PAGE_WORDS.stats,
      crumbs: [
        { href: '/security', label: PAGE_TITLES.security },
        { label: SECURITY_PAGE_WORDS.stats },
      ],
      section: '/security',
    });
    const contract = frame.contract;
    if (!contract)
      return this.renderer.render('security/security-stats.html', { layout: frame.layout });
    const [stats, notices] = await Promise.all([
      this.remediation.stats(actor, contract.id, year),
      this.notices.list(actor, contract.id),
    ]);
    const noticeOf = new Map(notices.map((n) => [n.id, n]));
    const query = new URLSearchParams({ contract: contract.id });
    if (year !== undefined) query.set('year', String(year));
    return this.renderer.render('security/security-stats.html', {
      layout: frame.layout,
      contract,
      year: year ?? null,
      years: contract.years.map((y) => ({ ...y, selected: y.yearNo === year })),
      total: figuresRow(stats),
      contractYears: stats.contractYears.map((y) => ({
        contractYear: y.contractYear,
        ...figuresRow(y),
      })),
      notices: stats.notices.map((n) => ({
        noticeId: n.noticeId,
        number: noticeOf.get(n.noticeId)?.number ?? n.noticeId,
        title: noticeOf.get(n.noticeId)?.title ?? '',
        ...figuresRow(n),
      })),
      completionChart: `/security/stats/completion.svg?${query.toString()}`,
      sourceChart: `/security/stats/by-source.svg?${query.toString()}`,
    });
  }

  async chart(actor: Actor, contractId: string, chart: string, year?: number): Promise<string> {
    if (!(SECURITY_CHARTS as readonly string[]).includes(chart)) {
      throw new DomainError('not_found', 'console.no_chart', { chart });
    }
    const stats = await this.remediation.stats(actor, contractId, year);
    return (chart as SecurityChart) === 'completion' ? completionChart(stats) : sourceChart(stats);
  }
}

type Stats = CompletionFigures & { year: number | null };
type Group = { label: string; counts: CompletionCounts };

const yearLabel = (s: Stats) =>
  s.year === null ? SECURITY_PAGE_WORDS.allYears : issuedInYear(s.year);

/** A stacked bar per severity: the items completed and those still open. */
function completionChart(s: Stats): string {
  const groups = FINDING_SEVERITIES.filter((k) => s.bySeverity[k].issued > 0).map((k) => ({
    label: SEVERITY_LABELS[k],
    counts: s.bySeverity[k],
  }));
  return stackedChart(completionChartTitle(yearLabel(s), 'severity'), groups);
}

/** A stacked bar per source (vulnerability scan, MLPS assessment, …): completed, accepted risks, still open. */
function sourceChart(s: Stats): string {
  const groups = Object.entries(s.bySource).map(([source, counts]) => ({
    label: isSource(source) ? NOTICE_SOURCE_LABELS[source] : source,
    counts,
  }));
  return stackedChart(completionChartTitle(yearLabel(s), 'source'), groups);
}

function stackedChart(title: string, groups: Group[]): string {
  const bar = (name: string, color: string, value: (c: CompletionCounts) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'items',
    itemStyle: { color },
    label: {
      show: true,
      formatter: (p: { value: unknown }) =>
        typeof p.value === 'number' && p.value > 0 ? String(p.value) : '',
    },
    data: groups.map((g) => value(g.counts)),
  });
  return renderSvgChart(
    {
      title: { text: title, textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: groups.map((g) => g.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        bar(COMPLETION_CHART_WORDS.completed, '#8cc091', (c) => c.completed),
        bar(COMPLETION_CHART_WORDS.riskAccepted, '#d9a53f', (c) => c.riskAccepted),
        bar(COMPLETION_CHART_WORDS.open, '#a1241b', (c) => c.issued - c.completed - c.riskAccepted),
      ],
    },
    { width: 640, height: 280 },
  );
}
