import type { Actor } from '../actor.types';
import { DomainError } from '../domain-error';
import { ROLE_PARTY, type Role } from '../role.types';
import {
  REQUIREMENT_ACTIONS,
  type RequirementAction,
  type RequirementState,
  type RequirementStatus,
} from './requirement.types';

export interface RequirementTransitionRule {
  /** States the action is allowed in. */
  from: readonly RequirementStatus[];
  /** Roles that may take it (the role must belong to the party the actor speaks for). */
  roles: readonly Role[];
  /** The state after it; null keeps the state (a work-log entry, a new date). */
  to: RequirementStatus | null;
}

const DELIVERING = ['approved', 'in_development', 'in_testing', 'testing_passed'] as const;

/** Issue 4's action table. */
export const REQUIREMENT_TRANSITIONS: Readonly<
  Record<RequirementAction, RequirementTransitionRule>
> = {
  assess: { from: ['assessing'], roles: ['vendor_pm'], to: 'awaiting_approval' },
  approve: { from: ['awaiting_approval'], roles: ['hospital_manager'], to: 'approved' },
  // Also after approval, before development starts; a reservation is then released.
  reject: { from: ['awaiting_approval', 'approved'], roles: ['hospital_manager'], to: 'rejected' },
  'start-development': {
    from: ['approved'],
    roles: ['vendor_pm', 'vendor_dev'],
    to: 'in_development',
  },
  'log-effort': {
    from: ['in_development', 'in_testing'],
    roles: ['vendor_pm', 'vendor_dev'],
    to: null,
  },
  'submit-for-testing': {
    from: ['in_development'],
    roles: ['vendor_pm', 'vendor_dev'],
    to: 'in_testing',
  },
  'pass-testing': {
    from: ['in_testing'],
    roles: ['hospital_staff', 'hospital_manager'],
    to: 'testing_passed',
  },
  'fail-testing': {
    from: ['in_testing'],
    roles: ['hospital_staff', 'hospital_manager'],
    to: 'in_development',
  },
  release: { from: ['testing_passed'], roles: ['vendor_pm'], to: 'released' },
  accept: { from: ['released'], roles: ['hospital_manager'], to: 'accepted' },
  replan: { from: DELIVERING, roles: ['vendor_pm'], to: null },
  // Only before release: once released, the hospital signs off (or fails it in a new request).
  cancel: {
    from: ['assessing', 'awaiting_approval', ...DELIVERING],
    roles: ['hospital_manager'],
    to: 'cancelled',
  },
};

/** States in which the planned delivery date is being worked towards. */
export const DELIVERY_STATUSES: readonly RequirementStatus[] = DELIVERING;

/** True when one of the actor's roles is allowed and belongs to the party it speaks for. */
export function mayTake(action: RequirementAction, actor: Pick<Actor, 'roles' | 'party'>): boolean {
  const { roles } = REQUIREMENT_TRANSITIONS[action];
  return (
    actor.party !== null &&
    roles.some((role) => actor.roles.includes(role) && ROLE_PARTY[role] === actor.party)
  );
}

/**
 * Actions possible in the state: for this actor when given, otherwise for anyone. Used for the
 * 409 body and to show the buttons a person may press.
 */
export function allowedActions(
  state: Pick<RequirementState, 'status'>,
  actor?: Pick<Actor, 'roles' | 'party'>,
): RequirementAction[] {
  return REQUIREMENT_ACTIONS.filter(
    (action) =>
      REQUIREMENT_TRANSITIONS[action].from.includes(state.status) &&
      (actor === undefined || mayTake(action, actor)),
  );
}

/**
 * May this actor take this action now? Null when yes. A wrong role or party is `forbidden` (403)
 * whatever the state; a wrong state is `invalid_state` (409) naming the current state and the
 * actions possible in it.
 */
export function checkAction(
  state: Pick<RequirementState, 'status' | 'requirementId'>,
  action: RequirementAction,
  actor: Pick<Actor, 'roles' | 'party'>,
): DomainError | null {
  const rule = REQUIREMENT_TRANSITIONS[action];
  if (!mayTake(action, actor)) {
    return new DomainError('forbidden', `Only ${rule.roles.join(' or ')} may ${action} a request`, {
      action,
      allowedRoles: [...rule.roles],
    });
  }
  if (!rule.from.includes(state.status)) {
    const message =
      action === 'cancel' && state.status === 'released'
        ? `${state.requirementId} is released: it can be accepted, not cancelled`
        : `${state.requirementId} is ${state.status}: ${action} is not possible now`;
    return new DomainError('invalid_state', message, {
      action,
      currentStatus: state.status,
      allowedActions: allowedActions(state),
    });
  }
  return null;
}
