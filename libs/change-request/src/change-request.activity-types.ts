import type { ChangeEffect, EffectResult } from './change-request.types';
import type { ChangeTransitionInput } from './change-request-transition.types';

export type { ChangeTransitionInput } from './change-request-transition.types';

/** Activity contract of the change-request workflow; implemented by the worker. */
export interface ChangeRequestActivities {
  /**
   * Writes one change in one PostgreSQL transaction: the change_request row (from `state`), the
   * transition keyed (changeRequestId, transitionSeq), the audit event, a silent party's breach,
   * a used reply link, and the outbox mail (with personal reply links issued in it).
   */
  persistChangeTransition(input: ChangeTransitionInput): Promise<void>;
  /**
   * Applies one effect of a confirmed change through its target's own process, at most once
   * (`key` makes a retry return the first outcome).
   */
  applyChangeEffect(input: {
    key: string;
    changeRequestId: string;
    contractId: string;
    effect: ChangeEffect;
    actorUserId: string;
  }): Promise<EffectResult>;
}
