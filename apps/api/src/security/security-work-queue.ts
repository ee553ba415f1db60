import { Injectable } from '@nestjs/common';
import {
  DEADLINE_LABELS,
  REMEDIATION_STATUS_LABELS,
  remediationStepLabel,
  type Actor,
} from '@luyue/domain';
import { allowedRemediationActions, securityTaskWorkflowId } from '@luyue/security/definitions';
import { SecurityTaskQueryRepository, SecurityTaskStore } from '@luyue/security';
import type { OpenWorkflowSource, WorkItem, WorkQueue } from '../kit/process-registry';

/** Security tasks on the dashboard and under a calendar change. */
@Injectable()
export class SecurityWorkQueue implements WorkQueue, OpenWorkflowSource {
  constructor(
    private readonly tasks: SecurityTaskQueryRepository,
    private readonly store: SecurityTaskStore,
  ) {}

  async waitingFor(acting: Actor, contractId: string): Promise<WorkItem[]> {
    const now = Date.now();
    const tasks = await this.tasks.openIn(contractId);
    return tasks
      .map((t) => ({
        t,
        actions: allowedRemediationActions(
          { taskId: t.id, status: t.state, severity: t.severity },
          acting,
        ),
      }))
      .filter(({ actions }) => actions.length > 0)
      .map(({ t, actions }) => ({
        id: t.vulnerabilityId,
        href: `/security/tasks/${t.id}`,
        title: t.title,
        overdue: new Date(t.dueAt).getTime() < now,
        status: REMEDIATION_STATUS_LABELS[t.state],
        actions: actions.map((a) => remediationStepLabel(a)).join('、'),
        due: { at: t.dueAt, label: DEADLINE_LABELS.fix, provisional: t.provisional },
      }));
  }

  async openWorkflowIds(): Promise<string[]> {
    return (await this.store.openTaskIds()).map(securityTaskWorkflowId);
  }
}
