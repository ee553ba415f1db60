import { Injectable } from '@nestjs/common';
import {
  DUTY_KIND_LABELS,
  DUTY_STATUS_LABELS,
  DUTY_TERMS,
  dutyStepLabel,
  QUEUE_LABELS,
  shanghaiDate,
  type Actor,
} from '@luyue/domain';
import {
  allowedDutyActions,
  DUTY_SIGNER_ROLES,
  DUTY_STATUSES,
  dutyWorkflowId,
} from '@luyue/duty/definitions';
import { DutyGenerationService, DutyQueueQuery, DutyStore } from '@luyue/duty';
import type { OpenWorkflowSource, WorkItem, WorkQuery, WorkQueue } from '../kit/process-registry';

/** Duties on the dashboard (by the record's deadline) and under a calendar change (placed again, new holidays). */
@Injectable()
export class DutyWorkQueue implements WorkQueue, OpenWorkflowSource {
  readonly code = 'duty';
  readonly label = QUEUE_LABELS.duty;
  readonly bySystem = true;
  readonly states = DUTY_STATUSES.map((value) => ({ value, label: DUTY_STATUS_LABELS[value] }));

  constructor(
    private readonly queue: DutyQueueQuery,
    private readonly store: DutyStore,
    private readonly generation: DutyGenerationService,
  ) {}

  async waitingFor(
    acting: Actor,
    contractId: string,
    { scope, ...window }: WorkQuery,
  ): Promise<{ items: WorkItem[]; total: number }> {
    // Cancelling is the only optional step: nothing waits for it.
    if (scope !== 'decide') return { items: [], total: 0 };
    const now = Date.now();
    const found = await this.queue.page(
      contractId,
      {
        records: acting.party === 'vendor',
        signerRoles:
          acting.party === 'hospital'
            ? DUTY_SIGNER_ROLES.filter((r) => acting.roles.includes(r))
            : [],
        today: shanghaiDate(new Date(now)),
      },
      window,
    );
    return {
      total: found.total,
      items: found.items.map((d) => ({
        id: d.number,
        href: `/duties/${d.id}`,
        title: `${d.state.plan.customKind ?? DUTY_KIND_LABELS[d.kind]} · ${d.title}`,
        overdue: Date.parse(d.recordDueAt) < now,
        status: DUTY_STATUS_LABELS[d.status],
        actions: allowedDutyActions(d.state, acting)
          .filter((a) => a !== 'cancel')
          .map((a) => dutyStepLabel(a))
          .join('、'),
        due: { at: d.recordDueAt, label: DUTY_TERMS.recordDueAt, provisional: d.provisional },
      })),
    };
  }

  async openWorkflowIds(): Promise<string[]> {
    return (await this.store.openOccurrenceIds()).map(dutyWorkflowId);
  }

  /** Holidays of the loaded year the provisional schedule did not have get their duties. */
  async calendarLoaded(): Promise<void> {
    await this.generation.holidaysChanged();
  }
}
