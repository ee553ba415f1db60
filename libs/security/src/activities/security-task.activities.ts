import { Injectable } from '@nestjs/common';
import { AppConfig } from '@luyue/config';
import { remediationStep } from '../security-task.process';
import { mailDeadlineOf, type RemediationMail } from '../security-task-mail.plan';
import { MAIL_DEADLINE_LABELS, REMEDIATION_STATUS_LABELS, SEVERITY_LABELS } from '@luyue/domain';
import { type RemediationBreach } from '../security-task.types';
import { type RemediationTransitionInput } from '../security-task-transition.types';
import { TemplateRenderer } from '@luyue/notifications';
import { SecurityTaskStore, SECURITY_TASK_TRANSITION_TABLE } from '../store/security-task.store';
import {
  outboxMailOf,
  TransitionWriter,
  type NewOutboxMail,
  type TransitionProcess,
} from '@luyue/persistence';
import type { SecurityTaskActivities } from '../security-task.activity-types';

const SECURITY_TASK_PROCESS: TransitionProcess = {
  table: SECURITY_TASK_TRANSITION_TABLE,
  subjectType: 'security_task',
  systemActorId: 'security-task-workflow',
};

/**
 * Activities of the security-task workflow. `persistSecurityTaskTransition` is the one write
 * path: one transaction keyed (taskId, transitionSeq) with the row and its lines, the audit
 * event (proof files with their sha256 in the payload), a missed fix deadline, and the mail.
 */
@Injectable()
export class SecurityTaskActivitiesService implements SecurityTaskActivities {
  constructor(
    private readonly writer: TransitionWriter,
    private readonly store: SecurityTaskStore,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  async persistSecurityTaskTransition(input: RemediationTransitionInput): Promise<void> {
    const { state, transitionSeq: seq } = input;
    await this.writer.persistStep(SECURITY_TASK_PROCESS, state.taskId, input, {
      apply: async (m) => {
        await this.store.saveProjection(m, state);
        if (input.action === 'fix_breached') {
          const breach = input.payload as unknown as RemediationBreach;
          await this.store.appendBreach(m, state, seq, breach);
        }
      },
      mails: () => input.mails.map((mail) => this.render(mail, input)),
    });
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
    return outboxMailOf(mail, rendered);
  }
}
