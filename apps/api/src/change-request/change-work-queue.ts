import { Injectable } from '@nestjs/common';
import {
  CHANGE_STATUS_LABELS,
  changeStepLabel,
  DEADLINE_LABELS,
  mayTakeRule,
  QUEUE_LABELS,
  queueStatuses,
  type Actor,
} from '@luyue/domain';
import {
  allowedChangeActions,
  CHANGE_PROCESS,
  CHANGE_STATUSES,
  type ChangeStatus,
} from '@luyue/change-request/definitions';
import { ChangeRequestQueryRepository, ChangeRequestQueueQuery } from '@luyue/change-request';
import type { OpenWorkflowSource, WorkItem, WorkQuery, WorkQueue } from '../kit/process-registry';

/** Change requests on the dashboard and under a calendar change. */
@Injectable()
export class ChangeWorkQueue implements WorkQueue, OpenWorkflowSource {
  readonly code = 'change';
  readonly label = QUEUE_LABELS.change;
  readonly bySystem = false;
  readonly states = CHANGE_STATUSES.map((value) => ({ value, label: CHANGE_STATUS_LABELS[value] }));

  constructor(
    private readonly queries: ChangeRequestQueryRepository,
    private readonly queue: ChangeRequestQueueQuery,
  ) {}

  async waitingFor(
    acting: Actor,
    contractId: string,
    { scope, ...window }: WorkQuery,
  ): Promise<{ items: WorkItem[]; total: number }> {
    if (!acting.party) return { items: [], total: 0 };
    // Optional: withdrawing one's own proposal while the replies are collected.
    const statuses: ChangeStatus[] =
      scope === 'decide'
        ? queueStatuses(CHANGE_PROCESS, acting).decide
        : mayTakeRule(CHANGE_PROCESS.actions.withdraw, acting)
          ? ['awaiting_replies']
          : [];
    const found = await this.queue.page(
      contractId,
      { scope, party: acting.party, userId: acting.userId, statuses },
      window,
    );
    return {
      total: found.total,
      items: found.items
        .filter((r) => r.state !== null)
        .map(({ state, dueAt }) => ({
          id: state!.changeRequestId,
          href: `/change-requests/${state!.changeRequestId}`,
          title: state!.title,
          // A change never runs overdue: past its deadline it lapses by itself.
          overdue: false,
          status: CHANGE_STATUS_LABELS[state!.status],
          actions: allowedChangeActions(state!, acting)
            .map((a) => changeStepLabel(a))
            .join('、'),
          due: dueAt ? { at: dueAt, label: DEADLINE_LABELS.changeReply, provisional: false } : null,
        })),
    };
  }

  /** A change's workflow id is its number. */
  openWorkflowIds(): Promise<string[]> {
    return this.queries.openIds();
  }
}
