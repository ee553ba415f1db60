import { changeStepLabel, remediationStepLabel, requirementStepLabel } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import {
  allowedActions,
  REQUIREMENT_STATUSES,
  type RequirementDeadlines,
} from '@luyue/requirement/definitions';
import {
  auditActionLabel,
  REMEDIATION_STATUS_LABELS,
  CHANGE_STATUS_LABELS,
  shanghaiDate,
  formatTime,
  STATUS_LABELS,
  type Actor,
  PAGE_TITLES,
  DEADLINE_LABELS,
} from '@luyue/domain';
import { allowedRemediationActions } from '@luyue/security/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import { AuditEventRepository } from '@luyue/persistence';
import { SecurityTaskQueryRepository } from '@luyue/security';
import type { Request, Response } from 'express';
import { ChangeRequestsService } from '../change-request/change-requests.service';
import { ContractAccessService } from '../contracts/contract-access.service';
import type { RequirementListItemDto } from '../requirement/dto/requirement-list.dto';
import { actorInContract } from '../kit/access.decision';
import { RequirementsService } from '../requirement/requirements.service';
import { ConsoleFrameService } from './console-frame.service';
import { subjectPage } from './subject-pages';

/** Dashboard: what waits for me in the current contract, counts by state, my recent steps. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly reads: RequirementsService,
    private readonly access: ContractAccessService,
    private readonly calendars: CalendarService,
    private readonly audit: AuditEventRepository,
    private readonly changes: ChangeRequestsService,
    private readonly tasks: SecurityTaskQueryRepository,
  ) {}

  async home(req: Request, res: Response, actor: Actor): Promise<string> {
    const frame = await this.frames.frame(req, res, actor, {
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
    const [open, counts, mine, calendar, changes, tasks] = await Promise.all([
      this.reads.open(actor, contract.id),
      Promise.all(
        REQUIREMENT_STATUSES.map(async (status) => ({
          status,
          label: STATUS_LABELS[status],
          n: (await this.reads.list(actor, contract.id, { status, pageSize: 1 })).total,
        })),
      ),
      this.audit.page({ contractId: contract.id, actorId: actor.userId, page: 1, pageSize: 10 }),
      this.calendars.calendar(),
      this.changes.waitingFor(actor, contract.id),
      this.tasks.openIn(contract.id),
    ]);
    const now = new Date();
    const today = shanghaiDate(now.toISOString());
    const row = (
      t: Omit<TodoRow, 'dueAt' | 'daysLeft' | 'dueToday' | 'provisional' | 'sortKey' | 'dueLabel'>,
      due: Due | null,
    ): TodoRow => {
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
    const requirementRows = open
      .map((item) => ({ item, actions: allowedActions(item, acting) }))
      .filter((t) => t.actions.length > 0)
      .map(({ item, actions }) =>
        row(
          {
            id: item.id,
            href: `/requirements/${item.id}`,
            title: item.title,
            overdue: item.overdue,
            status: STATUS_LABELS[item.status],
            actions: actions.map((a) => requirementStepLabel(a)).join('、'),
          },
          dueOf(item),
        ),
      );
    // A change never runs overdue: past its deadline it lapses by itself.
    const changeRows = changes.map(({ state, actions, dueAt }) =>
      row(
        {
          id: state.changeRequestId,
          href: `/change-requests/${state.changeRequestId}`,
          title: state.title,
          overdue: false,
          status: CHANGE_STATUS_LABELS[state.status],
          actions: actions.map((a) => changeStepLabel(a)).join('、'),
        },
        dueAt ? { at: dueAt, label: DEADLINE_LABELS.changeReply, provisional: false } : null,
      ),
    );
    const taskRows = tasks
      .map((t) => ({
        t,
        actions: allowedRemediationActions(
          { taskId: t.id, status: t.state, severity: t.severity },
          acting,
        ),
      }))
      .filter(({ actions }) => actions.length > 0)
      .map(({ t, actions }) =>
        row(
          {
            id: t.vulnerabilityId,
            href: `/security/tasks/${t.id}`,
            title: t.title,
            overdue: new Date(t.dueAt).getTime() < now.getTime(),
            status: REMEDIATION_STATUS_LABELS[t.state],
            actions: actions.map((a) => remediationStepLabel(a)).join('、'),
          },
          { at: t.dueAt, label: DEADLINE_LABELS.fix, provisional: t.provisional },
        ),
      );
    const todo = [...requirementRows, ...changeRows, ...taskRows].sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || a.sortKey - b.sortKey,
    );
    return this.renderer.render('pages/dashboard.html', {
      layout: frame.layout,
      contract,
      todo,
      counts: counts.filter((c) => c.n > 0),
      total: counts.reduce((n, c) => n + c.n, 0),
      activity: mine.items.map((e) => ({
        at: formatTime(e.occurredAt),
        action: auditActionLabel(e.action),
        subject: e.subjectId,
        link: subjectPage(e.subjectType, e.subjectId),
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

interface Due {
  at: string;
  label: string;
  provisional: boolean;
}

/**
 * The deadline the next step runs against, as the workflow stored it: assessment while assessing,
 * the next sign-off reminder once released (the delivery date is behind it), else delivery.
 */
function dueOf(
  item: RequirementListItemDto & { deadlines: RequirementDeadlines | null },
): Due | null {
  const d = item.deadlines;
  if (item.status === 'assessing') {
    return d?.assessment
      ? {
          at: d.assessment.dueAt,
          label: DEADLINE_LABELS.assessment,
          provisional: d.assessment.provisional,
        }
      : null;
  }
  if (item.status === 'released') {
    return d?.signOff?.nextReminderAt
      ? {
          at: d.signOff.nextReminderAt,
          label: DEADLINE_LABELS.signOffReminder,
          provisional: d.signOff.provisional,
        }
      : null;
  }
  if (d?.delivery) {
    return {
      at: d.delivery.dueAt,
      label: DEADLINE_LABELS.delivery,
      provisional: d.delivery.provisional,
    };
  }
  return item.plannedDeliveryDate
    ? {
        at: `${item.plannedDeliveryDate}T23:59:59+08:00`,
        label: DEADLINE_LABELS.delivery,
        provisional: false,
      }
    : null;
}
