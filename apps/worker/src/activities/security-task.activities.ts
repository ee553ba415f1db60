import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@luyue/config';
import {
  auditActorOf,
  remediationStep,
  mailDeadlineOf,
  MAIL_DEADLINE_LABELS,
  REMEDIATION_STATUS_LABELS,
  SEVERITY_LABELS,
  type AuditActor,
  type RemediationBreach,
  type RemediationMail,
  type RemediationTransitionInput,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import {
  AuditEventRepository,
  OutboxRepository,
  SecurityTaskStore,
  TransactionRunner,
  type NewOutboxMail,
} from '@luyue/persistence';
import type { SecurityTaskActivities } from '@luyue/temporal/definitions';

const SYSTEM: AuditActor = {
  actorType: 'system',
  actorId: 'security-task-workflow',
  actorEmail: null,
  party: null,
};

/**
 * Activities of the security-task workflow. `persistSecurityTaskTransition` is the one write
 * path: one transaction keyed (taskId, transitionSeq) with the row and its lines, the audit
 * event (proof files with their sha256 in the payload), a missed fix deadline, and the mail.
 */
@Injectable()
export class SecurityTaskActivitiesService implements SecurityTaskActivities {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly store: SecurityTaskStore,
    private readonly audit: AuditEventRepository,
    private readonly outbox: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  async persistSecurityTaskTransition(input: RemediationTransitionInput): Promise<void> {
    await this.tx.run((m) => this.write(m, input));
  }

  private async write(m: EntityManager, input: RemediationTransitionInput): Promise<void> {
    if (!(await this.store.insertTransition(m, input))) return;
    const { state, transitionSeq: seq } = input;
    await this.store.saveProjection(m, state);
    if (input.action === 'fix_breached') {
      await this.store.appendBreach(m, state, seq, input.payload as unknown as RemediationBreach);
    }
    await this.audit.append(m, {
      ...(input.actor ? auditActorOf(input.actor) : SYSTEM),
      action: `security_task.${input.action}`,
      subjectType: 'security_task',
      subjectId: state.taskId,
      contractId: input.contractId,
      summary: {
        before: { status: input.fromStatus },
        after: { status: input.toStatus },
        payload: input.payload,
      },
      requestId: input.requestId,
      workflowId: input.workflowId,
    });
    for (const mail of input.mails) await this.outbox.enqueue(m, this.render(mail, input));
  }

  private render(mail: RemediationMail, input: RemediationTransitionInput): NewOutboxMail {
    const { state } = input;
    const deadline = mailDeadlineOf(input.action, state);
    const rendered = this.renderer.renderMail(mail.template, {
      headline: remediationStep(input.action).headline,
      task: state,
      severity: SEVERITY_LABELS[state.severity],
      status: REMEDIATION_STATUS_LABELS[state.status],
      actorName: input.actor?.name ?? null,
      deadline: deadline && { ...deadline, label: MAIL_DEADLINE_LABELS[deadline.kind] },
      link: `${this.config.PUBLIC_BASE_URL}/security/tasks/${encodeURIComponent(state.taskId)}`,
    });
    return {
      messageKey: mail.messageKey,
      recipients: mail.to,
      template: mail.template,
      ...rendered,
    };
  }
}
