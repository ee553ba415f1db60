import {
  actorPartyIn,
  canSeeContract,
  rolesInContract,
  type Actor,
  type ContractParties,
} from '@luyue/domain';

/** What the actor wants with the subject: see it, or act on it (speak for a party of it). */
export type AccessIntent = 'see' | 'act';

/** The one question every route about a contract or its items asks. */
export interface AccessQuestion {
  actor: Actor;
  /** The subject's contract; null when there is none (or no such subject). */
  contract: ContractParties | null;
  intent: AccessIntent;
  /** The subject asked about, and the one an email link was issued for (if it is a link). */
  subjectId?: string;
  linkSubjectId?: string | null;
}

/**
 * The answer: the actor as it may act here, or the refusal. `not_found` hides the subject from
 * strangers exactly as if it did not exist; `forbidden` is for someone who may see but not act.
 */
export type AccessAnswer =
  { allowed: true; acting: Actor } | { allowed: false; refusal: 'not_found' | 'forbidden' };

/**
 * Per kind of principal: whether it sees the subject, and who it is when it acts there. A user
 * or the operator speaks for its party in this contract only, with only that party's roles (an
 * admin who is not a party may read, not act); an email link's recipient is already limited to
 * its link's party and may see only its link's item.
 */
const PRINCIPALS: Record<
  Actor['kind'],
  {
    sees: (q: AccessQuestion & { contract: ContractParties }) => boolean;
    acting: (actor: Actor, contract: ContractParties) => Actor;
  }
> = {
  user: { sees: (q) => canSeeContract(q.actor, q.contract), acting: actorInContract },
  operator: { sees: (q) => canSeeContract(q.actor, q.contract), acting: actorInContract },
  link: {
    sees: (q) =>
      canSeeContract(q.actor, q.contract) &&
      (q.subjectId === undefined || q.linkSubjectId == null || q.subjectId === q.linkSubjectId),
    acting: (actor) => actor,
  },
};

/** May this actor (user, operator or email-link principal) do this to this subject? */
export function decideAccess(q: AccessQuestion): AccessAnswer {
  const { actor, contract } = q;
  if (!contract || !PRINCIPALS[actor.kind].sees({ ...q, contract })) {
    return { allowed: false, refusal: 'not_found' };
  }
  const acting = PRINCIPALS[actor.kind].acting(actor, contract);
  if (q.intent === 'act' && !acting.party) return { allowed: false, refusal: 'forbidden' };
  return { allowed: true, acting };
}

/**
 * The actor as the workflow must judge it: speaking for its party in this contract only, with
 * only the roles of that party (an admin who is not a party may read, not act).
 */
export function actorInContract(actor: Actor, contract: ContractParties): Actor {
  return {
    ...actor,
    party: actorPartyIn(actor, contract),
    roles: rolesInContract(actor, contract),
  };
}
