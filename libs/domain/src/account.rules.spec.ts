import { accountStatus, selfLockoutProblem } from './account.rules';

describe('account rules', () => {
  it('tells an active account from a disabled one', () => {
    expect(accountStatus({ disabledAt: null })).toBe('active');
    expect(accountStatus({ disabledAt: new Date('2026-03-01T00:00:00Z') })).toBe('disabled');
  });

  it('lets an admin disable and re-role anyone but itself', () => {
    expect(selfLockoutProblem('a', 'b', { kind: 'disable' })).toBeNull();
    expect(selfLockoutProblem('a', 'b', { kind: 'set_roles', roles: ['vendor_pm'] })).toBeNull();
  });

  it('refuses an admin disabling its own account', () => {
    expect(selfLockoutProblem('a', 'a', { kind: 'disable' })).toEqual({
      field: 'user',
      message: 'you cannot disable your own account',
      key: 'account.cannot_disable_self',
      params: {},
    });
  });

  it('refuses an admin dropping its own admin role, but not changing its other roles', () => {
    expect(selfLockoutProblem('a', 'a', { kind: 'set_roles', roles: ['hospital_staff'] })).toEqual({
      field: 'roles',
      message: 'you cannot remove your own admin role',
      key: 'account.cannot_drop_own_admin',
      params: {},
    });
    expect(
      selfLockoutProblem('a', 'a', { kind: 'set_roles', roles: ['admin', 'hospital_staff'] }),
    ).toBeNull();
  });
});
