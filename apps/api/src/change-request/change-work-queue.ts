import { Injectable } from '@nestjs/common';
import { CHANGE_STATUS_LABELS, changeStepLabel, DEADLINE_LABELS, type Actor } from '@luyue/domain';
import { allowedChangeActions } from '@luyue/change-request/definitions';
import { ChangeRequestQueryRepository } from '@luyue/change-request';
import type { OpenWorkflowSource, WorkItem, WorkQueue } from '../kit/process-registry';

/** Change requests on the dashboard and under a calendar change. */
@Injectable()
export class ChangeWorkQueue implements WorkQueue, OpenWorkflowSource {
  constructor(private readonly queries: ChangeRequestQueryRepository) {}

  async waitingFor(acting: Actor, contractId: string): Promise<WorkItem[]> {
    if (!acting.party) return [];
    const rows = await this.queries.openIn(contractId);
    return rows
      .filter((r) => r.state !== null)
      .map((r) => ({ state: r.state!, actions: allowedChangeActions(r.state!, acting) }))
      .filter((t) => t.actions.length > 0)
      .map(({ state, actions }) => {
        const dueAt = actions.includes('reply')
          ? (state.replies.find((x) => x.party === acting.party)?.dueAt ?? null)
          : null;
        return {
          id: state.changeRequestId,
          href: `/change-requests/${state.changeRequestId}`,
          title: state.title,
          // A change never runs overdue: past its deadline it lapses by itself.
          overdue: false,
          status: CHANGE_STATUS_LABELS[state.status],
          actions: actions.map((a) => changeStepLabel(a)).join('、'),
          due: dueAt ? { at: dueAt, label: DEADLINE_LABELS.changeReply, provisional: false } : null,
        };
      });
  }

  /** A change's workflow id is its number. */
  openWorkflowIds(): Promise<string[]> {
    return this.queries.openIds();
  }
}
