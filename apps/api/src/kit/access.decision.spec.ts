import type { Actor } from '@luyue/domain';
import { decideAccess } from './access.decision';

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
  organizationId: 'org-v',
  party: 'vendor',
  roles: ['vendor_pm'],
  ...over,
});

describe('decideAccess', () => {
  it('hides a missing contract and a stranger alike (404, not 403)', () => {
    const q = { intent: 'see' as const };
    expect(decideAccess({ ...q, actor: actor({}), contract: null })).toEqual({
      allowed: false,
      refusal: 'not_found',
    });
    expect(decideAccess({ ...q, actor: actor({ organizationId: 'other' }), contract })).toEqual({
      allowed: false,
      refusal: 'not_found',
    });
  });

  it("lets a party act with only its party's roles", () => {
    const a = actor({ roles: ['vendor_pm', 'hospital_staff', 'admin'] });
    const answer = decideAccess({ actor: a, contract, intent: 'act' });
    expect(answer).toEqual({
      allowed: true,
      acting: { ...a, party: 'vendor', roles: ['vendor_pm', 'admin'] },
    });
  });

  it('lets an admin who is not a party look on, not act (403)', () => {
    const operator = actor({
      kind: 'operator',
      organizationId: null,
      party: null,
      roles: ['admin'],
    });
    expect(decideAccess({ actor: operator, contract, intent: 'see' })).toMatchObject({
      allowed: true,
      acting: { party: null, roles: ['admin'] },
    });
    expect(decideAccess({ actor: operator, contract, intent: 'act' })).toEqual({
      allowed: false,
      refusal: 'forbidden',
    });
  });

  it("keeps an email link to its own item, as its link's party", () => {
    const link = actor({ kind: 'link', organizationId: 'org-s', party: 'supervisor', roles: [] });
    const own = { actor: link, contract, intent: 'act' as const, linkSubjectId: 'BG-1' };
    expect(decideAccess({ ...own, subjectId: 'BG-1' })).toEqual({ allowed: true, acting: link });
    expect(decideAccess({ ...own, subjectId: 'BG-2' })).toEqual({
      allowed: false,
      refusal: 'not_found',
    });
  });
});
