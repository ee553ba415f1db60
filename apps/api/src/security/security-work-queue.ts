import { Injectable } from '@nestjs/common';
import {
  DEADLINE_LABELS,
  QUEUE_LABELS,
  queueStatuses,
  REMEDIATION_STATUS_LABELS,
  remediationStepLabel,
  SEVERITY_LABELS,
  type Actor,
} from '@luyue/domain';
import {
  allowedRemediationActions,
  REMEDIATION_PROCESS,
  REMEDIATION_STATUSES,
  RISK_ACCEPTABLE_SEVERITIES,
  securityTaskWorkflowId,
} from '@luyue/security/definitions';
import { SecurityTaskQueueQuery, SecurityTaskStore, type TaskSelection } from '@luyue/security';
import type {
  OpenWorkflowSource,
  WorkGroup,
  WorkItem,
  WorkQuery,
  WorkQueue,
} from '../kit/process-registry';

/** Security tasks on the dashboard (grouped by notice) and under a calendar change. */
@Injectable()
export class SecurityWorkQueue implements WorkQueue, OpenWorkflowSource {
  readonly code = 'security';
  readonly label = QUEUE_LABELS.security;
  readonly bySystem = true;
  readonly states = REMEDIATION_STATUSES.map((value) => ({
    value,
    label: REMEDIATION_STATUS_LABELS[value],
  }));

  constructor(
    private readonly queue: SecurityTaskQueueQuery,
    private readonly store: SecurityTaskStore,
  ) {}

  async waitingFor(
    acting: Actor,
    contractId: string,
    query: WorkQuery,
  ): Promise<{ items: WorkItem[]; total: number }> {
    const now = Date.now();
    const found = await this.queue.page(contractId, selectionOf(acting, query), query);
    return {
      total: found.total,
      items: found.items.map((t) => ({
        id: t.number,
        href: `/security/tasks/${t.id}`,
        // The scanner's id beside the title: people search the scanner's report by it.
        title: `${t.title}（${t.vulnerabilityId}）`,
        overdue: new Date(t.dueAt).getTime() < now,
        status: REMEDIATION_STATUS_LABELS[t.state],
        actions: allowedRemediationActions(
          { taskId: t.id, status: t.state, severity: t.severity },
          acting,
        )
          .map((a) => remediationStepLabel(a))
          .join('、'),
        due: { at: t.dueAt, label: DEADLINE_LABELS.fix, provisional: t.provisional },
      })),
    };
  }

  async groups(acting: Actor, contractId: string, query: WorkQuery): Promise<WorkGroup[]> {
    const rows = await this.queue.groups(contractId, selectionOf(acting, query), query);
    const groups = new Map<string, WorkGroup>();
    const add = (list: Array<{ label: string; n: number }>, label: string, n: number) => {
      const had = list.find((x) => x.label === label);
      if (had) had.n += n;
      else list.push({ label, n });
    };
    for (const r of rows) {
      const g = groups.get(r.noticeId) ?? {
        key: r.noticeId,
        label: `${r.number} ${r.title}`,
        n: 0,
        bySeverity: [],
        byState: [],
      };
      g.n += r.n;
      add(g.bySeverity, SEVERITY_LABELS[r.severity], r.n);
      add(g.byState, REMEDIATION_STATUS_LABELS[r.state], r.n);
      groups.set(r.noticeId, g);
    }
    return [...groups.values()];
  }

  async openWorkflowIds(): Promise<string[]> {
    return (await this.store.openTaskIds()).map(securityTaskWorkflowId);
  }
}

/**
 * The tasks of a scope. Accepting a risk is the only optional step, and only below the
 * severities rule 4 says must be fixed: the optional scope holds those severities alone.
 */
function selectionOf(acting: Actor, { scope }: WorkQuery): TaskSelection {
  const statuses = queueStatuses(REMEDIATION_PROCESS, acting)[scope];
  return scope === 'optional' ? { statuses, severities: RISK_ACCEPTABLE_SEVERITIES } : { statuses };
}
