import { Injectable } from '@nestjs/common';
import {
  allowedActionsIn,
  FAULT_STATUS_LABELS,
  faultClockDueLabel,
  faultStepLabel,
  QUEUE_LABELS,
  queueStatuses,
  type Actor,
} from '@luyue/domain';
import {
  allowedFaultActions,
  FAULT_ANSWER_STEPS,
  FAULT_PROCESS,
  FAULT_STATUSES,
  faultTicketWorkflowId,
  type FaultAction,
  type FaultTicketState,
} from '@luyue/fault-ticket/definitions';
import {
  FaultTicketQueueQuery,
  FaultTicketStore,
  type FaultPending,
  type FaultSelection,
} from '@luyue/fault-ticket';
import type { OpenWorkflowSource, WorkItem, WorkQuery, WorkQueue } from '../kit/process-registry';

const ANSWERS = Object.values(FAULT_ANSWER_STEPS).flat() as FaultAction[];

/**
 * The table without the answers to a pending pause or extension: allowed in every working state,
 * they wait for the viewer only while one is pending, which the query reads from the ticket.
 */
const MAIN_LINE = {
  ...FAULT_PROCESS,
  order: FAULT_PROCESS.order.filter((a) => !ANSWERS.includes(a)),
};

/** Fault tickets on the dashboard (by the next running clock's due time) and under a calendar change. */
@Injectable()
export class FaultWorkQueue implements WorkQueue, OpenWorkflowSource {
  readonly code = 'fault';
  readonly label = QUEUE_LABELS.fault;
  readonly bySystem = true;
  readonly states = FAULT_STATUSES.map((value) => ({ value, label: FAULT_STATUS_LABELS[value] }));

  constructor(
    private readonly queue: FaultTicketQueueQuery,
    private readonly store: FaultTicketStore,
  ) {}

  async waitingFor(
    acting: Actor,
    contractId: string,
    { scope, ...window }: WorkQuery,
  ): Promise<{ items: WorkItem[]; total: number }> {
    const now = Date.now();
    const found = await this.queue.page(contractId, faultSelectionOf(acting, scope), window);
    return {
      total: found.total,
      items: found.items.map((t) => ({
        id: t.number,
        href: `/fault-tickets/${t.id}`,
        title: `${t.system} · ${t.title}`,
        overdue: t.nextDueAt !== null && Date.parse(t.nextDueAt) < now,
        status: FAULT_STATUS_LABELS[t.status],
        actions: (t.state ? allowedFaultActions(t.state, acting) : [])
          .map((a) => faultStepLabel(a))
          .join('、'),
        due: t.state && dueOf(t.state),
      })),
    };
  }

  /** With a loaded year: only the tickets with a running clock whose span reaches into it. */
  async openWorkflowIds(loadedYear?: number): Promise<string[]> {
    const ids =
      loadedYear === undefined
        ? await this.store.openTicketIds()
        : await this.store.openTicketIdsCounting(
            `${loadedYear}-01-01T00:00:00+08:00`,
            `${loadedYear + 1}-01-01T00:00:00+08:00`,
          );
    return ids.map(faultTicketWorkflowId);
  }
}

/** The tickets of a scope: the states of the viewer's steps and the pending answers he gives. */
export function faultSelectionOf(
  acting: Pick<Actor, 'roles' | 'party'>,
  scope: FaultSelection['scope'],
): FaultSelection {
  const mine = allowedActionsIn(FAULT_PROCESS, 'reported', acting);
  const answers = (Object.keys(FAULT_ANSWER_STEPS) as FaultPending[]).filter((p) =>
    FAULT_ANSWER_STEPS[p].some((a) => mine.includes(a)),
  );
  return { scope, statuses: queueStatuses(MAIN_LINE, acting)[scope], answers };
}

/** The running clock due first: the deadline the next step runs against. */
function dueOf(s: FaultTicketState): WorkItem['due'] {
  const next = s.clocks
    .filter((c) => c.since !== null && c.dueAt)
    .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))[0];
  return next
    ? { at: next.dueAt!, label: faultClockDueLabel(next.kind), provisional: next.provisional }
    : null;
}
