import type { Actor, DomainError } from '@luyue/domain';
import { allowedActionsIn, checkActionIn, mayTakeRule } from '@luyue/domain';
import { REQUIREMENT_PROCESS } from './requirement.process';
import type { RequirementAction, RequirementState } from './requirement.types';

/** Who may take each action, from which states, to which: the process table's actions. */
export const REQUIREMENT_TRANSITIONS = REQUIREMENT_PROCESS.actions;

/** True when one of the actor's roles is allowed and belongs to the party it speaks for. */
export function mayTake(action: RequirementAction, actor: Pick<Actor, 'roles' | 'party'>): boolean {
  return mayTakeRule(REQUIREMENT_PROCESS.actions[action], actor);
}

/**
 * Actions possible in the state: for this actor when given, otherwise for anyone. Used for the
 * 409 body and to show the buttons a person may press.
 */
export function allowedActions(
  state: Pick<RequirementState, 'status'>,
  actor?: Pick<Actor, 'roles' | 'party'>,
): RequirementAction[] {
  return allowedActionsIn(REQUIREMENT_PROCESS, state.status, actor);
}

/** May this actor take this action now? Null when yes; else forbidden (403) or invalid_state (409). */
export function checkAction(
  state: Pick<RequirementState, 'status' | 'requirementId'>,
  action: RequirementAction,
  actor: Pick<Actor, 'roles' | 'party'>,
): DomainError | null {
  return checkActionIn(
    REQUIREMENT_PROCESS,
    { id: state.requirementId, status: state.status },
    action,
    actor,
    'a request',
    (a, status) =>
      a === 'cancel' && status === 'released'
        ? { key: 'requirement.released_not_cancellable', params: { id: state.requirementId } }
        : null,
  );
}
