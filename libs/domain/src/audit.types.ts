import type { Party } from './party.types';
import type { CHANGE_STEP_WORDING } from './wording/change-request.labels';
import type { REQUIREMENT_STEP_WORDING } from './wording/requirement.labels';
import type { REMEDIATION_STEP_WORDING } from './wording/security-task.labels';
import type { FAULT_STEP_WORDING } from './wording/fault-ticket.labels';
import type { DUTY_STEP_WORDING } from './wording/duty.labels';

/** Every audited action outside the steps of the three processes (accounts, settings, files). */
export type AdminAuditAction =
  | 'auth.login'
  | 'auth.logout'
  | 'contract.created'
  | 'contract.settings_updated'
  | 'file.discarded'
  | 'file.uploaded'
  | 'link_token.redeemed'
  | 'link_token.refused'
  | 'organization.created'
  | 'security_notice.issued'
  | 'security_report.uploaded'
  | 'user.created'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password_reset'
  | 'user.roles_changed';

/** A step of a process, audited as `<subject type>.<step>`; each step has its wording. */
export type ProcessAuditAction =
  | `requirement.${keyof typeof REQUIREMENT_STEP_WORDING}`
  | `change_request.${keyof typeof CHANGE_STEP_WORDING}`
  | `security_task.${keyof typeof REMEDIATION_STEP_WORDING}`
  | `fault_ticket.${keyof typeof FAULT_STEP_WORDING}`
  | `duty_occurrence.${keyof typeof DUTY_STEP_WORDING}`;

/** Every action the audit trail records; the labels are typed over it (a missing one fails). */
export type AuditAction = AdminAuditAction | ProcessAuditAction;

export const AUDIT_ACTOR_TYPES = ['user', 'link_recipient', 'system', 'operator'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** One entry of the append-only audit trail, as written in the same transaction as its change. */
export interface AuditEventInput {
  actorType: AuditActorType;
  /** User id, `operator`, a system component name, or null for an email-link recipient. */
  actorId: string | null;
  actorEmail: string | null;
  party: Party | null;
  /** Dotted verb, e.g. `contract.created`, `link_token.refused`. */
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  contractId: string | null;
  /** A short before/after summary (not a full copy of the row). */
  summary: { before?: unknown; after?: unknown; [key: string]: unknown };
  requestId?: string | null;
  workflowId?: string | null;
}

/** What an audit write records about who acted; built from an Actor or a link recipient. */
export type AuditActor = Pick<AuditEventInput, 'actorType' | 'actorId' | 'actorEmail' | 'party'>;

const AUDIT_ACTOR_TYPE_OF: Record<'user' | 'operator' | 'link', AuditActorType> = {
  user: 'user',
  operator: 'operator',
  link: 'link_recipient',
};

/** How an authenticated actor is recorded: the operator (ADMIN_TOKEN, CLI) or a user. */
export function auditActorOf(actor: {
  kind: 'user' | 'operator' | 'link';
  userId: string;
  email: string;
  party: Party | null;
}): AuditActor {
  return {
    actorType: AUDIT_ACTOR_TYPE_OF[actor.kind],
    actorId: actor.userId,
    actorEmail: actor.kind === 'operator' ? null : actor.email,
    party: actor.party,
  };
}
