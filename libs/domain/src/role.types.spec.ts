import { actorPartyIn, canSeeContract, rolesInContract, type Actor } from './actor.types';
import { roleProblems, rolesForParty } from './role.types';

const contract = {
  hospitalOrganizationId: 'org-h',
  vendorOrganizationId: 'org-v',
  supervisorOrganizationId: 'org-s',
};

const actor = (over: Partial<Actor>): Actor => ({
  kind: 'user',
  userId: 'u1',
  email: 'u1@example.com',
  name: 'U1',
  organizationId: 'org-h',
  party: 'hospital',
  roles: ['hospital_staff'],
  ...over,
});

describe('roles and parties', () => {
  it.each([
    ['hospital', ['hospital_staff', 'hospital_manager'], []],
    ['vendor', ['vendor_pm', 'vendor_dev'], []],
    ['supervisor', ['supervisor'], []],
    ['vendor', ['admin'], []],
    [
      'vendor',
      ['hospital_manager'],
      ['role "hospital_manager" belongs to a hospital organization, not a vendor one'],
    ],
    [
      'hospital',
      ['supervisor', 'root'],
      [
        'role "supervisor" belongs to a supervisor organization, not a hospital one',
        'unknown role "root" (one of hospital_staff, hospital_manager, vendor_pm, vendor_dev, supervisor, admin)',
      ],
    ],
    ['hospital', [], ['at least one role is required']],
  ] as const)('a %s member with %j: %j', (party, roles, problems) => {
    expect(roleProblems(party, roles)).toEqual(problems);
  });

  it('finds the party an actor speaks for only through its own organization', () => {
    expect(actorPartyIn(actor({}), contract)).toBe('hospital');
    expect(actorPartyIn(actor({ organizationId: 'org-v', party: 'vendor' }), contract)).toBe(
      'vendor',
    );
    // Same party type, another organization: not a party to this contract.
    expect(actorPartyIn(actor({ organizationId: 'org-h2' }), contract)).toBeNull();
    // An organization of the contract claiming the wrong party type gets nothing.
    expect(
      actorPartyIn(actor({ organizationId: 'org-v', party: 'hospital' }), contract),
    ).toBeNull();
  });

  it('lets parties and admins see a contract, nobody else', () => {
    expect(canSeeContract(actor({}), contract)).toBe(true);
    expect(canSeeContract(actor({ organizationId: 'other' }), contract)).toBe(false);
    expect(canSeeContract(actor({ organizationId: 'other', roles: ['admin'] }), contract)).toBe(
      true,
    );
    const operator = actor({
      kind: 'operator',
      organizationId: null,
      party: null,
      roles: ['admin'],
    });
    expect(canSeeContract(operator, contract)).toBe(true);
    expect(actorPartyIn(operator, contract)).toBeNull();
  });

  it('keeps only the roles of the party spoken for', () => {
    const a = actor({ roles: ['hospital_staff', 'admin'] });
    expect(rolesInContract(a, contract)).toEqual(['hospital_staff', 'admin']);
    expect(rolesInContract(actor({ organizationId: 'other' }), contract)).toEqual([]);
  });

  it.each([
    ['hospital', ['hospital_staff', 'hospital_manager', 'admin']],
    ['vendor', ['vendor_pm', 'vendor_dev', 'admin']],
    ['supervisor', ['supervisor', 'admin']],
  ] as const)('offers a %s organization its own roles and admin', (party, roles) => {
    expect(rolesForParty(party)).toEqual(roles);
    expect(roleProblems(party, rolesForParty(party))).toEqual([]);
  });
});
