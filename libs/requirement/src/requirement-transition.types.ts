import type { Actor } from '@luyue/domain';
import type { QuotaOperation, QuotaSummary } from './quota.calculator';
import type { RequirementMail } from './requirement-mail.plan';
import type {
  RequirementAction,
  RequirementBreach,
  RequirementEvent,
  RequirementPayloads,
  RequirementState,
  RequirementStatus,
  WorkLogEntry,
} from './requirement.types';

/**
 * One persisted change of a request, as the workflow hands it to the persisting activity and the
 * transition store writes it: the workflow, the worker and the store agree on this shape.
 */
export interface TransitionBase {
  requirementId: string;
  contractId: string;
  contractYear: number;
  workflowId: string;
  /**
   * Idempotency key with `requirementId`: the first write of a seq wins; a retry or a replay
   * with the same seq returns the stored result and writes nothing.
   */
  transitionSeq: number;
  fromStatus: RequirementStatus;
  toStatus: RequirementStatus;
  /** Workflow time of the change (ISO). */
  at: string;
  /** The state after the change; the `requirement` row is its projection. */
  state: RequirementState;
  /** A missed deadline to insert into `requirement_breach`. */
  breach: RequirementBreach | null;
  /** Rendered from templates and queued in the outbox in the same transaction. */
  mails: RequirementMail[];
}

/** A person's action (one Update), audited as `requirement.<action>` with the actor. */
export type RequirementActionTransition = {
  [A in RequirementAction]: TransitionBase & {
    action: A;
    payload: RequirementPayloads[A];
    actor: Actor;
    requestId: string | null;
    /** Applied under the contract year's quota row lock; may answer `quota_exceeded`. */
    quota: QuotaOperation | null;
    workLog: WorkLogEntry | null;
  };
}[RequirementAction];

/** Something the workflow did itself (a schedule, a reminder, a breach), audited as the system. */
export type RequirementEventTransition = TransitionBase & {
  action: RequirementEvent;
  payload: { dueAt: string | null };
  actor: null;
  requestId: null;
  quota: null;
  workLog: null;
};

export type RequirementTransitionInput = RequirementActionTransition | RequirementEventTransition;

export type RequirementTransitionResult =
  | { outcome: 'applied'; quota: QuotaSummary | null }
  /** Nothing was written: the reservation would overdraw the year's quota. */
  | { outcome: 'quota_exceeded'; remaining: number; requested: number };
