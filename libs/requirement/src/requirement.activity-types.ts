import type { ComputedSchedule } from './requirement.timers';
import type {
  RequirementTransitionInput,
  RequirementTransitionResult,
} from './requirement-transition.types';

export type {
  RequirementActionTransition,
  RequirementEventTransition,
  RequirementTransitionInput,
  RequirementTransitionResult,
} from './requirement-transition.types';

/**
 * Activity contract of the customization-request workflow (plus `computeDeadline` of the
 * deadline watch, registered on the same worker). Implemented by the worker.
 */
export interface CustomizationRequestActivities {
  /**
   * Writes one change in one PostgreSQL transaction: the requirement row (from `state`), the
   * `requirement_transition` row keyed (requirementId, transitionSeq), the audit event, the work
   * log entry, the breach, the quota entries (contract-year row locked first) and the outbox mail.
   */
  persistRequirementTransition(
    input: RequirementTransitionInput,
  ): Promise<RequirementTransitionResult>;
  /** The delivery due time and reminder day for a planned date, with the working-day calendar. */
  computeDeliverySchedule(input: {
    plannedDeliveryDate: string;
    reminderLeadDays: number;
  }): Promise<ComputedSchedule>;
}
