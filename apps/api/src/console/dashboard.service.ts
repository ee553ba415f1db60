import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import {
  allowedActions,
  REQUIREMENT_STATUSES,
  STATUS_LABELS,
  type Actor,
  requirementStepLabel,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { AuditEventRepository } from '@luyue/persistence';
import type { Request, Response } from 'express';
import { ContractAccessService } from '../contracts/contract-access.service';
import type { RequirementListItemDto } from '../requirements/dto/requirement-list.dto';
import { actorInContract } from '../requirements/requirement-access.service';
import { shanghaiMinute } from '../requirements/requirement-labels';
import { RequirementsService } from '../requirements/requirements.service';
import { ConsoleFrameService } from './console-frame.service';

/** The newest requests looked at for the to-do list; older open ones show under 需求. */
const WINDOW = 200;

/** 工作台: what waits for me in the current contract, counts by state, my recent steps. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly reads: RequirementsService,
    private readonly access: ContractAccessService,
    private readonly calendars: CalendarService,
    private readonly audit: AuditEventRepository,
  ) {}

  async home(req: Request, res: Response, actor: Actor): Promise<string> {
    const frame = await this.frames.frame(req, res, actor, {
      title: '工作台',
      crumbs: [],
      section: '/',
    });
    const contract = frame.contract;
    if (!contract) {
      return this.renderer.render('pages/dashboard.html', { layout: frame.layout });
    }
    const record = await this.access.requireParty(actor, contract.id);
    const acting = actorInContract(actor, record);
    const [recent, counts, mine, calendar] = await Promise.all([
      this.reads.list(actor, contract.id, { page: 1, pageSize: WINDOW }),
      Promise.all(
        REQUIREMENT_STATUSES.map(async (status) => ({
          status,
          label: STATUS_LABELS[status],
          n: (await this.reads.list(actor, contract.id, { status, pageSize: 1 })).total,
        })),
      ),
      this.audit.page({ contractId: contract.id, actorId: actor.userId, page: 1, pageSize: 10 }),
      this.calendars.calendar(),
    ]);
    const now = new Date();
    const todo = recent.items
      .map((item) => ({ item, actions: allowedActions(item, acting) }))
      .filter((t) => t.actions.length > 0)
      .map(({ item, actions }) => {
        const due = dueOf(item);
        const left = due ? calendar.workingDaysBetween(now, due) : null;
        return {
          ...item,
          status: STATUS_LABELS[item.status],
          actions: actions.map((a) => requirementStepLabel(a)).join('、'),
          dueAt: due ? shanghaiMinute(due) : '',
          daysLeft: left && !item.overdue ? left.days : null,
          provisional: left?.provisional ?? false,
          sortKey: due?.getTime() ?? Number.MAX_SAFE_INTEGER,
        };
      })
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.sortKey - b.sortKey);
    return this.renderer.render('pages/dashboard.html', {
      layout: frame.layout,
      contract,
      todo,
      counts: counts.filter((c) => c.n > 0),
      total: recent.total,
      activity: mine.items.map((e) => ({
        at: shanghaiMinute(e.occurredAt),
        action: requirementStepLabel(e.action.replace(/^requirement\./, '')),
        subject: e.subjectId,
        link: e.subjectType === 'requirement' ? `/requirements/${e.subjectId}` : null,
      })),
    });
  }
}

/** The deadline the next step runs against: assessment while assessing, then delivery. */
function dueOf(item: RequirementListItemDto): Date | null {
  if (item.status === 'assessing' && item.assessmentDueAt) return new Date(item.assessmentDueAt);
  if (item.plannedDeliveryDate) return new Date(`${item.plannedDeliveryDate}T23:59:59+08:00`);
  return null;
}
