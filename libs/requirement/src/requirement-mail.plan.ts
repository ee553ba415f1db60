import { recipientsOf } from '@luyue/domain';
import type {
  RequirementAction,
  RequirementEvent,
  RequirementNotify,
  RequirementState,
} from './requirement.types';
import { requirementStep } from './requirement.process';

/** A mail the persisting activity renders from its mail template (`templates/<process>/mail/`) and queues. */
export interface RequirementMail {
  /** Outbox key: a retry or replay of the same write queues nothing new. */
  messageKey: string;
  template: string;
  to: string[];
}

/** Template name of a step: `requirement-<step>` (kebab-case). */
export function requirementTemplate(step: RequirementAction | RequirementEvent): string {
  return `requirement-${step.replace(/_/g, '-')}`;
}

/**
 * The mail of one persisted write (`seq`): one message to everyone the process table says is
 * told, except the person who acted, or none when nobody is left.
 */
export function requirementMails(
  step: RequirementAction | RequirementEvent,
  state: Pick<RequirementState, 'requirementId' | 'submittedBy'>,
  seq: number,
  notify: RequirementNotify,
  actorEmail: string | null,
): RequirementMail[] {
  const to = recipientsOf(
    requirementStep(step).notify,
    (r) => (r === 'submitter' ? [state.submittedBy.email] : (notify[r] ?? [])),
    actorEmail,
  );
  if (to.length === 0) return [];
  const template = requirementTemplate(step);
  return [{ messageKey: `${state.requirementId}:${seq}:${template}`, template, to }];
}
