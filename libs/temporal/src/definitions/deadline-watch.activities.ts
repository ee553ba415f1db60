import type { DeadlineComputation, DeadlineOutcome } from '@luyue/domain';

/** Activity contract of the deadline watch; implemented by the worker, typed here for workflows. */
export interface DeadlineWatchActivities {
  computeDeadline(input: {
    receivedAt: string;
    workingDays: number;
    reminderLeadDays: number | null;
  }): Promise<DeadlineComputation>;
  scheduleDeadline(input: {
    workflowId: string;
    subject: string;
    receivedAt: string;
    workingDays: number;
    deadline: string;
    provisional: boolean;
  }): Promise<void>;
  sendDeadlineReminder(input: {
    workflowId: string;
    subject: string;
    deadline: string;
    notify: string[];
    link?: string;
  }): Promise<void>;
  recordDeadlineOutcome(input: {
    workflowId: string;
    subject: string;
    deadline: string;
    outcome: DeadlineOutcome;
    completedAt: string | null;
    notify: string[];
    link?: string;
  }): Promise<void>;
}
