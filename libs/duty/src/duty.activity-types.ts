import type { DutyPlan } from './duty-plan';
import type { DutySlot } from './duty-schedule.types';
import type { DutyTransitionInput } from './duty-transition.types';

/** What the calendar needs to place an occurrence again. */
export interface DutyScheduleRef {
  schedule: Pick<DutyPlan, 'cadence' | 'windowDays' | 'deadline' | 'reminderWorkingDays'>;
  year: { startDate: string; endDate: string };
  key: string;
}

/** Activity contract of the duty workflow. Implemented by the worker. */
export interface DutyActivities {
  /** The occurrence's slot on the current calendar (null: the day no longer exists). A read. */
  placeDuty(input: DutyScheduleRef): Promise<DutySlot | null>;
  /**
   * Writes one change in one transaction: the occurrence row, the transition keyed
   * (occurrenceId, transitionSeq), the audit event and the outbox mail; a retry writes nothing twice.
   */
  persistDutyTransition(input: DutyTransitionInput): Promise<void>;
}
