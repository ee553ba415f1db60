import { recipientsOf } from '@luyue/domain';
import { remediationStep, type RemediationStep } from './security-task.process';
import type { RemediationNotify, RemediationState } from './security-task.types';

/** The steps whose mail is about the hospital's retest, so about its due date. */
const RETEST_MAIL_STEPS: readonly RemediationStep[] = [
  'request-retest',
  'retest_reminder',
  'retest_overdue',
];

export interface MailDeadline {
  kind: 'fix' | 'retest';
  dueAt: string;
  provisional: boolean;
}

/**
 * The deadline a step's mail names: the open retest round's for the retest mails (the fix period
 * has ended by then), else the running fix period's; null when neither is running.
 */
export function mailDeadlineOf(
  step: RemediationStep,
  state: Pick<RemediationState, 'fixDeadlines' | 'retests'>,
): MailDeadline | null {
  if (RETEST_MAIL_STEPS.includes(step)) {
    const round = state.retests.at(-1);
    return round && round.outcome === null && round.dueAt
      ? { kind: 'retest', dueAt: round.dueAt, provisional: round.provisional }
      : null;
  }
  const period = state.fixDeadlines.at(-1);
  return period && !period.endedAt && period.dueAt
    ? { kind: 'fix', dueAt: period.dueAt, provisional: period.provisional }
    : null;
}

/** A mail the persisting activity renders and queues, at most once per `messageKey`. */
export interface RemediationMail {
  messageKey: string;
  template: string;
  to: string[];
}

export function remediationTemplate(step: RemediationStep): string {
  return `security-task-${step.replace(/_/g, '-')}`;
}

/**
 * The mail of one persisted write (`seq`): one message to everyone the process table names for
 * the step, except the person who acted; none when nobody is left.
 */
export function remediationMails(
  step: RemediationStep,
  state: Pick<RemediationState, 'taskId'>,
  seq: number,
  notify: RemediationNotify,
  actorEmail: string | null,
): RemediationMail[] {
  const to = recipientsOf(remediationStep(step).notify, (r) => notify[r] ?? [], actorEmail);
  if (to.length === 0) return [];
  return [
    {
      messageKey: `${state.taskId}:${seq}:${remediationTemplate(step)}`,
      template: 'security-task-notice',
      to,
    },
  ];
}

/**
 * The one mail of an import's newly issued tasks (not one per task), for the import side: keyed
 * by the notice and the import, so a retry queues nothing new while a retest import that finds
 * new tasks mails about them too.
 */
export function noticeIssuedMails(
  noticeId: string,
  importId: string,
  notify: RemediationNotify,
  actorEmail: string | null,
): RemediationMail[] {
  const step = 'notice_issued';
  const to = recipientsOf(remediationStep(step).notify, (r) => notify[r] ?? [], actorEmail);
  if (to.length === 0) return [];
  return [
    {
      messageKey: `${noticeId}:${importId}:${remediationTemplate(step)}`,
      template: 'security-notice',
      to,
    },
  ];
}
