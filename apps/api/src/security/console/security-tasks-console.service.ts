import { Injectable } from '@nestjs/common';
import {
  FINDING_SEVERITIES,
  NOTICE_SOURCES,
  REMEDIATION_STATUSES,
} from '@luyue/security/definitions';
import {
  NOTICE_SOURCE_LABELS,
  SEVERITY_LABELS,
  REMEDIATION_STATUS_LABELS,
  formatTime,
  PAGE_TITLES,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import type { PageRequest } from '../../console/console-page';
import { SecurityTaskListQueryDto } from '../dto/security-task.dto';
import { SecurityNoticesService } from '../security-notices.service';
import { SecurityTasksService } from '../security-tasks.service';
import { ConsoleFrameService } from '../../console/console-frame.service';
import { checkedListQuery, optionsOf, pagingOf } from '../../console/console-list';

const PAGE_SIZE = 50;
const FILTERS = ['notice', 'severity', 'state', 'system', 'host', 'cve', 'source'] as const;

/** The filtered, paged task list of the console, on the REST list's service and query DTO. */
@Injectable()
export class SecurityTasksConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly notices: SecurityNoticesService,
    private readonly tasks: SecurityTasksService,
  ) {}

  async list(request: PageRequest): Promise<string> {
    const { actor } = request;
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.securityTasks,
      crumbs: [
        { href: '/security', label: PAGE_TITLES.security },
        { label: PAGE_TITLES.securityTasks },
      ],
      section: '/security',
    });
    const q = filtersOf(request.query);
    const query = await checkedListQuery(SecurityTaskListQueryDto, {
      ...q,
      page: pageOf(request.query.page),
      pageSize: PAGE_SIZE,
    });
    const contract = frame.contract;
    const [found, notices] = contract
      ? await Promise.all([
          this.tasks.list(actor, contract.id, query),
          this.notices.list(actor, contract.id),
        ])
      : [{ items: [], total: 0, page: 1, pageSize: PAGE_SIZE }, []];
    const link = (page: number) =>
      `/security/tasks?${new URLSearchParams({ ...q, page: String(page) }).toString()}`;
    return this.renderer.render('security/security-tasks.html', {
      layout: frame.layout,
      contract,
      filters: {
        notices: notices.map((n) => ({
          value: n.id,
          label: `${n.number} ${n.title}`,
          selected: n.id === q.notice,
        })),
        severities: optionsOf(FINDING_SEVERITIES, SEVERITY_LABELS, q.severity),
        states: optionsOf(REMEDIATION_STATUSES, REMEDIATION_STATUS_LABELS, q.state),
        sources: optionsOf(NOTICE_SOURCES, NOTICE_SOURCE_LABELS, q.source),
        systems: (contract?.settings.systems ?? []).map((s) => ({
          value: s,
          label: s,
          selected: s === q.system,
        })),
        host: q.host ?? '',
        cve: q.cve ?? '',
      },
      items: found.items.map((t) => ({
        ...t,
        severity: { key: t.severity, label: SEVERITY_LABELS[t.severity] },
        state: REMEDIATION_STATUS_LABELS[t.state],
        dueAt: formatTime(t.dueAt),
      })),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }
}

/** The filters given (an empty select means all), as the query and the paging links carry them. */
function filtersOf(q: Record<string, unknown>): Partial<Record<(typeof FILTERS)[number], string>> {
  const out: Partial<Record<(typeof FILTERS)[number], string>> = {};
  for (const k of FILTERS) {
    const v = q[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

const pageOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;
