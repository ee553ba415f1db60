import { Injectable } from '@nestjs/common';
import {
  DEADLINE_LABELS,
  QUEUE_LABELS,
  queueStatuses,
  requirementStepLabel,
  STATUS_LABELS,
  type Actor,
} from '@luyue/domain';
import {
  allowedActions,
  REQUIREMENT_PROCESS,
  REQUIREMENT_STATUSES,
  requirementWorkflowId,
} from '@luyue/requirement/definitions';
import { RequirementQueryRepository, RequirementQueueQuery } from '@luyue/requirement';
import type { OpenWorkflowSource, WorkItem, WorkQuery, WorkQueue } from '../kit/process-registry';

/** Customization requests on the dashboard and under a calendar change. */
@Injectable()
export class RequirementWorkQueue implements WorkQueue, OpenWorkflowSource {
  readonly code = 'requirement';
  readonly label = QUEUE_LABELS.requirement;
  readonly bySystem = true;
  readonly states = REQUIREMENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

  constructor(
    private readonly requirements: RequirementQueryRepository,
    private readonly queue: RequirementQueueQuery,
  ) {}

  async waitingFor(
    acting: Actor,
    contractId: string,
    { scope, ...window }: WorkQuery,
  ): Promise<{ items: WorkItem[]; total: number }> {
    const statuses = queueStatuses(REQUIREMENT_PROCESS, acting)[scope];
    const found = await this.queue.page(contractId, statuses, window);
    return {
      total: found.total,
      items: found.items.map((item) => ({
        id: item.id,
        href: `/requirements/${item.id}`,
        title: item.title,
        overdue: item.overdue,
        status: STATUS_LABELS[item.status],
        actions: allowedActions(item, acting)
          .map((a) => requirementStepLabel(a))
          .join('、'),
        due: item.due && { ...item.due, label: DEADLINE_LABELS[item.due.kind] },
      })),
    };
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
