/** Input and outcome of the working-day deadline building block shared by every contract workflow. */
export interface DeadlineWatchInput {
  /** Stable key of what the deadline belongs to, e.g. `REQ-2026-0001:assessment`. */
  subject: string;
  /** ISO instant at which the obligation was received (the day of receipt is not counted). */
  receivedAt: string;
  workingDays: number;
  /** Working days before the deadline at which a reminder goes out; null for none. */
  reminderLeadDays: number | null;
  /** Addresses told about the reminder and the breach. */
  notify: string[];
  /** Where the mail points people to (the item's page), if anywhere. */
  link?: string;
}

export type DeadlineOutcome = 'met' | 'breached';

export interface DeadlineComputation {
  deadline: string;
  provisional: boolean;
  reminderAt: string | null;
}

export interface DeadlineWatchStatus {
  subject: string;
  deadline: string | null;
  provisional: boolean;
  reminderSent: boolean;
  outcome: DeadlineOutcome | null;
  completedAt: string | null;
}
