import type { Role } from '../role.types';
import type {
  RequirementAction,
  RequirementEvent,
  RequirementNotify,
  RequirementState,
} from './requirement.types';

/** A mail the persisting activity renders from `templates/mail/<template>.*.hbs` and queues. */
export interface RequirementMail {
  /** Outbox key: a retry or replay of the same write queues nothing new. */
  messageKey: string;
  template: string;
  to: string[];
}

type Recipient = Role | 'submitter';

/** Who hears about each step (issue 4: "each step sends the right people an email"). */
export const REQUIREMENT_MAIL_PLAN: Readonly<
  Record<RequirementAction | RequirementEvent, readonly Recipient[]>
> = {
  assessment_scheduled: ['vendor_pm'],
  deadlines_recomputed: [],
  assessment_reminder: ['vendor_pm'],
  assessment_breached: ['hospital_manager', 'vendor_pm'],
  delivery_reminder: ['vendor_pm'],
  delivery_overdue: ['hospital_manager', 'vendor_pm'],
  signoff_reminder: ['hospital_manager', 'submitter'],
  assess: ['hospital_manager', 'submitter'],
  approve: ['vendor_pm', 'vendor_dev', 'submitter'],
  reject: ['vendor_pm', 'submitter'],
  'start-development': ['submitter'],
  'log-effort': [],
  'submit-for-testing': ['hospital_staff', 'hospital_manager', 'submitter'],
  'pass-testing': ['vendor_pm'],
  'fail-testing': ['vendor_pm', 'vendor_dev'],
  release: ['hospital_manager', 'submitter'],
  accept: ['vendor_pm', 'submitter'],
  replan: ['hospital_manager', 'submitter'],
  cancel: ['vendor_pm', 'vendor_dev', 'submitter'],
};

/** Template name of a step: `requirement-<step>` (kebab-case). */
export function requirementTemplate(step: RequirementAction | RequirementEvent): string {
  return `requirement-${step.replace(/_/g, '-')}`;
}

/**
 * The mail of one persisted write (`seq`): one message to everyone concerned except the person
 * who acted, or none when nobody is left.
 */
export function requirementMails(
  step: RequirementAction | RequirementEvent,
  state: Pick<RequirementState, 'requirementId' | 'submittedBy'>,
  seq: number,
  notify: RequirementNotify,
  actorEmail: string | null,
): RequirementMail[] {
  const addresses = REQUIREMENT_MAIL_PLAN[step].flatMap((r) =>
    r === 'submitter' ? [state.submittedBy.email] : (notify[r] ?? []),
  );
  // Addresses compare case-insensitively; the first spelling is kept.
  const seen = new Set([actorEmail?.trim().toLowerCase()]);
  const to: string[] = [];
  for (const address of addresses.map((a) => a.trim())) {
    const key = address.toLowerCase();
    if (address && !seen.has(key)) to.push(address);
    seen.add(key);
  }
  if (to.length === 0) return [];
  const template = requirementTemplate(step);
  return [{ messageKey: `${state.requirementId}:${seq}:${template}`, template, to }];
}
