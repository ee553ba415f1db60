import type { Party } from './party.types';
import { ROLE_PARTY, type Role } from './role.types';

/**
 * Who is acting: a logged-in user, the operator holding the configured ADMIN_TOKEN, or the
 * recipient of an email link (a user limited to the link's item, party and purpose).
 * `party` is the party of the user's own organization; the operator has none.
 */
export interface Actor {
  kind: 'user' | 'operator' | 'link';
  userId: string;
  email: string;
  name: string;
  organizationId: string | null;
  party: Party | null;
  roles: Role[];
}

/** The three organizations of a contract, enough to decide who is a party to it. */
export interface ContractParties {
  hospitalOrganizationId: string;
  vendorOrganizationId: string;
  supervisorOrganizationId: string;
}

export function hasAnyRole(actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

export function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('admin');
}

/** The party the actor speaks for in this contract, or null when its organization is not one. */
export function actorPartyIn(
  actor: Pick<Actor, 'organizationId' | 'party'>,
  contract: ContractParties,
): Party | null {
  if (actor.organizationId === null || actor.party === null) return null;
  const organizationOf: Record<Party, string> = {
    hospital: contract.hospitalOrganizationId,
    vendor: contract.vendorOrganizationId,
    supervisor: contract.supervisorOrganizationId,
  };
  return organizationOf[actor.party] === actor.organizationId ? actor.party : null;
}

/** Parties see their contracts; admins see every contract (they set them up). */
export function canSeeContract(
  actor: Pick<Actor, 'organizationId' | 'party' | 'roles'>,
  contract: ContractParties,
): boolean {
  return isAdmin(actor) || actorPartyIn(actor, contract) !== null;
}

/** Roles the actor may use in this contract: only those of the party it speaks for there. */
export function rolesInContract(actor: Actor, contract: ContractParties): Role[] {
  const party = actorPartyIn(actor, contract);
  return actor.roles.filter((role) => ROLE_PARTY[role] === null || ROLE_PARTY[role] === party);
}

/** Who did something, as kept in the workflow state and the ledger. */
export interface ActorRef {
  userId: string;
  name: string;
  email: string;
  party: Party | null;
}

export function actorRefOf(actor: Pick<Actor, 'userId' | 'name' | 'email' | 'party'>): ActorRef {
  return { userId: actor.userId, name: actor.name, email: actor.email, party: actor.party };
}
