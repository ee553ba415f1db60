import type { Party } from './party.types';

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
  action: string;
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
