import { Injectable } from '@nestjs/common';
import { DEADLINE_LABELS, requirementStepLabel, STATUS_LABELS, type Actor } from '@luyue/domain';
import {
  allowedActions,
  REQUIREMENT_STATUSES,
  requirementWorkflowId,
  type RequirementDeadlines,
  type RequirementStatus,
} from '@luyue/requirement/definitions';
import { RequirementQueryRepository } from '@luyue/requirement';
import type { OpenWorkflowSource, WorkDue, WorkItem, WorkQueue } from '../kit/process-registry';

/** Customization requests on the dashboard and under a calendar change. */
@Injectable()
export class RequirementWorkQueue implements WorkQueue, OpenWorkflowSource {
  constructor(private readonly requirements: RequirementQueryRepository) {}

  async waitingFor(acting: Actor, contractId: string): Promise<WorkItem[]> {
    const open = await this.requirements.openItems(contractId);
    return open
      .map((item) => ({ item, actions: allowedActions(item, acting) }))
      .filter((t) => t.actions.length > 0)
      .map(({ item, actions }) => ({
        id: item.id,
        href: `/requirements/${item.id}`,
        title: item.title,
        overdue: item.overdue,
        status: STATUS_LABELS[item.status],
        actions: actions.map((a) => requirementStepLabel(a)).join('、'),
        due: dueOf(item),
      }));
  }

  counts(contractId: string): Promise<Array<{ label: string; n: number; href: string }>> {
    return Promise.all(
      REQUIREMENT_STATUSES.map(async (status) => ({
        label: STATUS_LABELS[status],
        href: `/requirements?status=${status}`,
        n: (await this.requirements.list(contractId, { status, page: 1, pageSize: 1 })).total,
      })),
    );
  }

  async openWorkflowIds(): Promise<string[]> {
    return (await this.requirements.openRequirementIds()).map(requirementWorkflowId);
  }
}

/**
 * The deadline the next step runs against, as the workflow stored it: assessment while assessing,
 * the next sign-off reminder once released (the delivery date is behind it), else delivery.
 */
function dueOf(item: {
  status: RequirementStatus;
  deadlines: RequirementDeadlines | null;
  plannedDeliveryDate: string | null;
}): WorkDue | null {
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
