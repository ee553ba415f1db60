import { fieldProblem, type FieldProblem } from './domain-error';

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export function accountStatus(user: { disabledAt: Date | null }): AccountStatus {
  return user.disabledAt ? 'disabled' : 'active';
}

/** A change an admin makes to a user account. */
export type AccountChange = { kind: 'disable' } | { kind: 'set_roles'; roles: readonly string[] };

/**
 * Why an admin may not make this change to its own account (null when allowed): disabling
 * itself or dropping its own admin role would lock it out of the administration it is using.
 */
export function selfLockoutProblem(
  actorUserId: string,
  targetUserId: string,
  change: AccountChange,
): FieldProblem | null {
  if (actorUserId !== targetUserId) return null;
  if (change.kind === 'disable') {
    return fieldProblem('user', 'account.cannot_disable_self', {});
  }
  if (!change.roles.includes('admin')) {
    return fieldProblem('roles', 'account.cannot_drop_own_admin', {});
  }
  return null;
}
