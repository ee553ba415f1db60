import type { RemediationTransitionInput } from './security-task-transition.types';

export type {
  RemediationActionTransition,
  RemediationEventTransition,
  RemediationTransitionInput,
} from './security-task-transition.types';

/**
 * Activity contract of the security-task workflow (plus `computeDeadline` of the deadline
 * watch, registered on the same worker). Implemented by the worker.
 */
export interface SecurityTaskActivities {
  /**
   * Writes one change in one PostgreSQL transaction: the security_task row (state, due_at and
   * the columns lists filter on, from `state`) and its asset lines, the transition keyed
   * (taskId, transitionSeq), the audit event (proof files with their sha256), a `fix_breached`
   * event's breach, and the outbox mail. A retry with the same key writes nothing twice.
   */
  persistSecurityTaskTransition(input: RemediationTransitionInput): Promise<void>;
}
