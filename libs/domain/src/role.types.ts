import type { Party } from './party.types';

export const ROLES = [
  'hospital_staff',
  'hospital_manager',
  'vendor_pm',
  'vendor_dev',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The party a role speaks for; admin sets contracts up and may sit in any organization. */
export const ROLE_PARTY: Record<Role, Party | null> = {
  hospital_staff: 'hospital',
  hospital_manager: 'hospital',
  vendor_pm: 'vendor',
  vendor_dev: 'vendor',
  supervisor: 'supervisor',
  admin: null,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The roles a member of a `party` organization may hold, in the order of ROLES. */
export function rolesForParty(party: Party): Role[] {
  return ROLES.filter((role) => ROLE_PARTY[role] === null || ROLE_PARTY[role] === party);
}

/**
 * Problems with giving `roles` to a member of a `party` organization (empty when allowed):
 * a user acts only for its own organization's party, so a vendor cannot hold a hospital role.
 */
export function roleProblems(party: Party, roles: readonly string[]): string[] {
  if (roles.length === 0) return ['at least one role is required'];
  const problems: string[] = [];
  for (const role of new Set(roles)) {
    if (!isRole(role)) {
      problems.push(`unknown role "${role}" (one of ${ROLES.join(', ')})`);
      continue;
    }
    if (!rolesForParty(party).includes(role)) {
      problems.push(
        `role "${role}" belongs to a ${ROLE_PARTY[role]} organization, not a ${party} one`,
      );
    }
  }
  return problems;
}

/**
 * Who is told about a contract's steps, by role: enabled users of the contract's organizations,
 * each under only the roles of the party their organization is (never admin).
 */
export function contactsByRole(
  users: ReadonlyArray<{
    email: string;
    roles: readonly Role[];
    organization: { party: Party };
    disabledAt: Date | null;
  }>,
): Partial<Record<Role, string[]>> {
  const by: Partial<Record<Role, string[]>> = {};
  for (const user of users) {
    if (user.disabledAt) continue;
    for (const role of user.roles) {
      if (ROLE_PARTY[role] === user.organization.party) (by[role] ??= []).push(user.email);
    }
  }
  return by;
}
