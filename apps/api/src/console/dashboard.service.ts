import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import { auditActionLabel, shanghaiDate, formatTime, PAGE_TITLES } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { AuditEventRepository } from '@luyue/persistence';
import type { PageRequest } from './console-page';
import { ContractAccessService } from '../contracts/contract-access.service';
import { actorInContract } from '../kit/access.decision';
import { WORK_QUEUES, type WorkItem, type WorkQueue } from '../kit/process-registry';
import { ConsoleFrameService } from './console-frame.service';
import { subjectView } from './subject-pages';

/** Dashboard: what waits for me in the current contract, counts by state, my recent steps. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly access: ContractAccessService,
    private readonly calendars: CalendarService,
    private readonly audit: AuditEventRepository,
    @Inject(WORK_QUEUES) private readonly queues: WorkQueue[],
  ) {}

  async home(page: PageRequest): Promise<string> {
    const { actor } = page;
    const frame = await this.frames.frameOf(page, {
      title: PAGE_TITLES.dashboard,
      crumbs: [],
      section: '/',
    });
    const contract = frame.contract;
    if (!contract) {
      return this.renderer.render('pages/dashboard.html', { layout: frame.layout });
    }
    const record = await this.access.requireParty(actor, contract.id);
    const acting = actorInContract(actor, record);
    const [waiting, counted, mine, calendar] = await Promise.all([
      Promise.all(this.queues.map((q) => q.waitingFor(acting, contract.id))),
      Promise.all(this.queues.map((q) => q.counts?.(contract.id) ?? Promise.resolve([]))),
      this.audit.page({ contractId: contract.id, actorId: actor.userId, page: 1, pageSize: 10 }),
      this.calendars.calendar(),
    ]);
    const counts = counted.flat();
    const names = await this.audit.subjectNames(contract.id, mine.items);
    const now = new Date();
    const today = shanghaiDate(now.toISOString());
    const row = ({ due, ...t }: WorkItem): TodoRow => {
      const at = due ? new Date(due.at) : null;
      const left = at ? calendar.workingDaysBetween(now, at) : null;
      return {
        ...t,
        dueLabel: due?.label ?? '',
        dueAt: at ? formatTime(at) : '',
        dueToday: at !== null && !t.overdue && shanghaiDate(at.toISOString()) === today,
        daysLeft: left && !t.overdue ? left.days : null,
        // The flag the workflow stored with the deadline, not a guess from today's calendar.
        provisional: due?.provisional ?? false,
        sortKey: at?.getTime() ?? Number.MAX_SAFE_INTEGER,
      };
    };
    const todo = waiting
      .flat()
      .map(row)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.sortKey - b.sortKey);
    return this.renderer.render('pages/dashboard.html', {
      layout: frame.layout,
      contract,
      todo,
      counts: counts.filter((c) => c.n > 0),
      total: counts.reduce((n, c) => n + c.n, 0),
      activity: mine.items.map((e) => ({
        at: formatTime(e.occurredAt),
        action: auditActionLabel(e.action),
        ...subjectView(e, names),
      })),
    });
  }
}

/** One line of "waiting for me", whatever the process. */
interface TodoRow {
  id: string;
  href: string;
  title: string;
  overdue: boolean;
  status: string;
  actions: string;
  dueLabel: string;
  dueAt: string;
  dueToday: boolean;
  daysLeft: number | null;
  provisional: boolean;
  sortKey: number;
}
