import { Injectable } from '@nestjs/common';
import {
  DomainError,
  STATUS_LABELS,
  BREACH_LABELS,
  QUOTA_ENTRY_LABELS,
  type Actor,
  CHANGE_STATUS_LABELS,
  PARTIES,
  PARTY_LABELS,
  formatTime,
  PAGE_TITLES,
  QUOTA_CHART_WORDS,
  quotaChartTitle,
  breachChartTitle,
  monthlyChartTitle,
} from '@luyue/domain';
import {
  REQUIREMENT_BREACH_KINDS,
  REQUIREMENT_STATUSES,
  type RequirementStatus,
  quotaByRequest,
} from '@luyue/requirement/definitions';
import { CHANGE_STATUSES } from '@luyue/change-request/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { ChangeStatsService } from '../../change-request/change-stats.service';
import type { QuotaDto, RequirementStatsDto } from '../dto/requirement-report.dto';
import { RequirementReportsService } from '../requirement-reports.service';
import { ConsoleFrameService } from '../../console/console-frame.service';
import type { PageRequest } from '../../console/console-page';
import { renderSvgChart } from '../../console/svg-chart';

export const QUOTA_CHARTS = ['quota', 'breaches', 'monthly'] as const;
export type QuotaChart = (typeof QUOTA_CHARTS)[number];

const COMPLETION_TARGET = 0.95;

const percent = (rate: number | null): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;

/** Quota and statistics: the contract year's interface quota and the annual-report figures. */
@Injectable()
export class QuotaConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly reports: RequirementReportsService,
    private readonly changeStats: ChangeStatsService,
  ) {}

  async page(page: PageRequest, year?: number): Promise<string> {
    const { actor } = page;
    const frame = await this.frames.frameOf(page, {
      title: PAGE_TITLES.quota,
      crumbs: [{ label: PAGE_TITLES.quota }],
      section: '/quota',
    });
    const contract = frame.contract;
    if (!contract) return this.renderer.render('requirement/quota.html', { layout: frame.layout });
    const [quota, stats, changes] = await Promise.all([
      this.reports.quota(actor, contract.id, year),
      this.reports.stats(actor, contract.id, year),
      this.changeStats.stats(actor, contract.id, year),
    ]);
    const charts = (chart: QuotaChart) =>
      `/quota/${chart}.svg?${new URLSearchParams({ contract: contract.id, year: String(quota.year) }).toString()}`;
    return this.renderer.render('requirement/quota.html', {
      layout: frame.layout,
      contract,
      years: contract.years.map((y) => ({ ...y, selected: y.yearNo === quota.year })),
      quota,
      behind: quotaByRequest(quota.entries),
      entries: quota.entries.map((e) => ({
        ...e,
        type: QUOTA_ENTRY_LABELS[e.type],
        at: formatTime(e.at),
      })),
      stats: {
        ...stats,
        completionRate: percent(stats.completionRate),
        onTimeDeliveryRate: percent(stats.onTimeDeliveryRate),
        belowTarget: stats.completionRate !== null && stats.completionRate < COMPLETION_TARGET,
      },
      breaches: REQUIREMENT_BREACH_KINDS.map((k) => ({
        label: BREACH_LABELS[k],
        n: stats.breaches[k] ?? 0,
      })),
      changes: {
        total: changes.total,
        byStatus: CHANGE_STATUSES.map((s) => ({
          label: CHANGE_STATUS_LABELS[s],
          n: changes.byStatus[s],
        })),
        silent: PARTIES.map((p) => ({ label: PARTY_LABELS[p], n: changes.silentBreaches[p] })),
        breaches: changes.breaches.map((b) => ({
          ...b,
          party: PARTY_LABELS[b.party],
          dueAt: formatTime(b.dueAt),
        })),
      },
      quotaChart: charts('quota'),
      breachChart: charts('breaches'),
      monthlyChart: charts('monthly'),
    });
  }

  async chart(actor: Actor, contractId: string, chart: string, year?: number): Promise<string> {
    if (chart === 'quota') return quotaChart(await this.reports.quota(actor, contractId, year));
    if (chart === 'breaches') {
      return breachChart(await this.reports.stats(actor, contractId, year));
    }
    if (chart === 'monthly') {
      return monthlyChart(await this.reports.monthly(actor, contractId, year));
    }
    throw new DomainError('not_found', 'console.no_chart', { chart });
  }
}

function quotaChart(q: QuotaDto): string {
  const bar = (name: string, value: number, color: string) => ({
    name,
    type: 'bar' as const,
    stack: 'quota',
    data: [value],
    itemStyle: { color },
    label: { show: value > 0, formatter: `${value}` },
  });
  return renderSvgChart(
    {
      title: {
        text: quotaChartTitle(q.year, q.total),
        textStyle: { fontSize: 14 },
      },
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', max: Math.max(q.total, q.consumed + q.reserved) },
      yAxis: { type: 'category', data: [QUOTA_CHART_WORDS.unit] },
      series: [
        bar(QUOTA_CHART_WORDS.consumed, q.consumed, '#2f6fb3'),
        bar(QUOTA_CHART_WORDS.reserved, q.reserved, '#e0a030'),
        bar(QUOTA_CHART_WORDS.remaining, Math.max(q.remaining, 0), '#8cc091'),
      ],
    },
    { width: 640, height: 180 },
  );
}

function breachChart(s: RequirementStatsDto): string {
  return renderSvgChart(
    {
      title: { text: breachChartTitle(s.contractYear), textStyle: { fontSize: 14 } },
      grid: { left: 40, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: REQUIREMENT_BREACH_KINDS.map((k) => BREACH_LABELS[k]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: REQUIREMENT_BREACH_KINDS.map((k) => s.breaches[k] ?? 0),
          itemStyle: { color: '#a1241b' },
          label: { show: true, position: 'top' },
        },
      ],
    },
    { width: 640, height: 240 },
  );
}

/** A stacked bar per month: the requests received that month, by the state they are in now. */
function monthlyChart(m: {
  contractYear: number;
  months: string[];
  counts: Array<{ month: string; status: RequirementStatus; count: number }>;
}): string {
  const present = REQUIREMENT_STATUSES.filter((s) => m.counts.some((c) => c.status === s));
  return renderSvgChart(
    {
      title: {
        text: monthlyChartTitle(m.contractYear),
        textStyle: { fontSize: 14 },
      },
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: m.months.map((month) => month.slice(2).replace('-', '/')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: present.map((status) => ({
        name: STATUS_LABELS[status],
        type: 'bar' as const,
        stack: 'month',
        data: m.months.map(
          (month) => m.counts.find((c) => c.month === month && c.status === status)?.count ?? 0,
        ),
      })),
    },
    { width: 640, height: 280 },
  );
}
