import { Injectable } from '@nestjs/common';
import { CalendarService, type WorkingDayCalendar } from '@luyue/calendar';
import { auditActionLabel, shanghaiDate, formatTime, PAGE_TITLES, type Actor } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { AuditEventRepository } from '@luyue/persistence';
import type { ContractDto } from '../contracts/dto/contract.dto';
import type { PageRequest } from './console-page';
import type { WorkItem } from '../kit/process-registry';
import { ConsoleFrameService } from './console-frame.service';
import { pagingOf } from './console-list';
import {
  dashboardHref,
  dashboardQueryOf,
  QUEUE_PAGE_SIZE,
  type DashboardQuery,
} from './dashboard-query';
import { subjectView } from './subject-pages';
import type { QueueTab } from './work-queues.service';

/**
 * The dashboard: the viewer's queues in the current contract, one tab per process, filtered and paged
 * in the stores; counts by state; my recent steps.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly calendars: CalendarService,
    private readonly audit: AuditEventRepository,
  ) {}

  async home(page: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(page, {
      title: PAGE_TITLES.dashboard,
      crumbs: [],
      section: '/',
    });
    const { contract, acting, tabs } = frame;
    if (!contract) return this.renderer.render('pages/dashboard.html', { layout: frame.layout });
    const asked = dashboardQueryOf(page.query);
    const tab =
      tabs.find((t) => t.queue.code === asked.queue) ?? tabs.find((t) => t.decide > 0) ?? tabs[0];
    const [queue, counted, mine, calendar] = await Promise.all([
      tab && acting
        ? this.queueView(tab, { ...asked, queue: tab.queue.code }, acting, contract)
        : null,
      Promise.all(tabs.map((t) => t.queue.counts?.(contract.id) ?? Promise.resolve([]))),
      this.audit.page({
        contractId: contract.id,
        actorId: page.actor.userId,
        page: 1,
        pageSize: 10,
      }),
      this.calendars.calendar(),
    ]);
    const counts = counted.flat();
    const names = await this.audit.subjectNames(contract.id, mine.items);
    const q = { ...asked, queue: tab?.queue.code ?? null };
    return this.renderer.render('pages/dashboard.html', {
      layout: frame.layout,
      contract,
      tabs: tabs.map((t) => ({
        label: t.queue.label,
        decide: t.decide,
        optional: t.optional,
        href: dashboardHref(q, { queue: t.queue.code, scope: 'decide', ...CLEARED }),
        optionalHref: dashboardHref(q, { queue: t.queue.code, scope: 'optional', ...CLEARED }),
        current: t === tab && q.scope === 'decide',
        optionalCurrent: t === tab && q.scope === 'optional',
      })),
      queue: queue && {
        ...queue,
        optional: q.scope === 'optional',
        rows: queue.items.map((i) => rowOf(i, calendar)),
      },
      counts: counts.filter((c) => c.n > 0),
      activity: mine.items.map((e) => ({
        at: formatTime(e.occurredAt),
        action: auditActionLabel(e.action),
        ...subjectView(e, names),
      })),
    });
  }

  private async queueView(tab: QueueTab, q: DashboardQuery, acting: Actor, contract: ContractDto) {
    const { queue } = tab;
    const calendar = await this.calendars.calendar();
    const system = queue.bySystem && q.system && contract.settings.systems.includes(q.system);
    const state = queue.states.some((s) => s.value === q.state) ? q.state! : undefined;
    const query = {
      scope: q.scope,
      system: system ? q.system! : undefined,
      state,
      dueBefore:
        q.within === null ? undefined : calendar.addWorkingDays(new Date(), q.within).deadline,
      overdue: q.overdue || undefined,
      group: q.group ?? undefined,
      order: q.order,
      page: q.page,
      pageSize: QUEUE_PAGE_SIZE,
    };
    const grouped = queue.groups !== undefined && !q.group;
    const [found, groups] = await Promise.all([
      grouped ? { items: [], total: 0 } : queue.waitingFor(acting, contract.id, query),
      grouped ? queue.groups!(acting, contract.id, query) : [],
    ]);
    return {
      items: found.items,
      groups: groups.map((g) => ({ ...g, href: dashboardHref(q, { group: g.key, page: 1 }) })),
      grouped,
      ungroupHref: q.group ? dashboardHref(q, { group: null, page: 1 }) : null,
      paging: grouped
        ? null
        : pagingOf({ total: found.total, page: q.page }, QUEUE_PAGE_SIZE, (p) =>
            dashboardHref(q, { page: p }),
          ),
      filter: {
        queue: queue.code,
        scope: q.scope === 'decide' ? null : q.scope,
        group: q.group,
        systems: queue.bySystem
          ? contract.settings.systems.map((s) => ({ value: s, selected: s === q.system }))
          : null,
        states: queue.states.map((s) => ({ ...s, selected: s.value === state })),
        within: q.within,
        overdue: q.overdue,
        desc: q.order === 'desc',
        clearHref: dashboardHref(q, { ...CLEARED }),
      },
    };
  }
}

/** A tab or a cleared filter starts again from the first page, unfiltered. */
const CLEARED = {
  system: null,
  state: null,
  within: null,
  overdue: false,
  group: null,
  order: 'asc',
  page: 1,
} as const;

/** One line of a queue, whatever the process: its deadline, and how close it is. */
function rowOf({ due, ...t }: WorkItem, calendar: WorkingDayCalendar) {
  const now = new Date();
  const at = due ? new Date(due.at) : null;
  const left = at && !t.overdue ? calendar.workingDaysBetween(now, at).days : null;
  const dueToday =
    at !== null && !t.overdue && shanghaiDate(at.toISOString()) === shanghaiDate(now.toISOString());
  return {
    ...t,
    dueLabel: due?.label ?? '',
    dueAt: at ? formatTime(at) : '',
    dueToday,
    daysLeft: left,
    // The flag the workflow stored with the deadline, not a guess from today's calendar.
    provisional: due?.provisional ?? false,
    tone: t.overdue
      ? 'due-overdue'
      : dueToday
        ? 'due-today'
        : left !== null && left <= 1
          ? 'due-soon'
          : '',
  };
}
