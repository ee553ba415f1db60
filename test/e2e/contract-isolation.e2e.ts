import type { Role } from '@luyue/domain';
import {
  api,
  createOtherContract,
  demoContractId,
  loginDemo,
  operator,
  type OtherContract,
} from '../helpers/e2e-auth';

const DEMO_ROLES: Role[] = [
  'hospital_staff',
  'hospital_manager',
  'vendor_pm',
  'vendor_dev',
  'supervisor',
];

describe('one contract is invisible from another contract’s parties', () => {
  let demo: string;
  let other: OtherContract;

  beforeAll(async () => {
    demo = await demoContractId();
    other = await createOtherContract();
  });

  it('lists only the contracts of the caller’s organization', async () => {
    for (const [role, auth] of Object.entries(other.users)) {
      const res = await api().get('/api/contracts').set('Authorization', auth).expect(200);
      const ids = (res.body as Array<{ id: string }>).map((c) => c.id);
      expect({ role, ids }).toEqual({ role, ids: [other.contractId] });
    }
    for (const role of DEMO_ROLES) {
      const res = await api()
        .get('/api/contracts')
        .set('Authorization', await loginDemo(role))
        .expect(200);
      const ids = (res.body as Array<{ id: string }>).map((c) => c.id);
      expect({
        role,
        hasDemo: ids.includes(demo),
        hasOther: ids.includes(other.contractId),
      }).toEqual({
        role,
        hasDemo: true,
        hasOther: false,
      });
    }
  });

  it('answers 404 for the other contract and its audit trail, exactly as for none', async () => {
    const missing = await api()
      .get('/api/contracts/00000000-0000-4000-8000-000000000000')
      .set('Authorization', await loginDemo('hospital_manager'))
      .expect(404);
    for (const role of DEMO_ROLES) {
      const auth = await loginDemo(role);
      for (const path of [
        `/api/contracts/${other.contractId}`,
        `/api/contracts/${other.contractId}/audit`,
      ]) {
        const res = await api().get(path).set('Authorization', auth).expect(404);
        expect(res.body.error).toEqual(missing.body.error);
      }
    }
    for (const auth of Object.values(other.users)) {
      await api().get(`/api/contracts/${demo}`).set('Authorization', auth).expect(404);
      await api().get(`/api/contracts/${demo}/audit`).set('Authorization', auth).expect(404);
    }
  });

  it('tells each party which party it speaks for, and admins see both contracts', async () => {
    const res = await api()
      .get(`/api/contracts/${other.contractId}`)
      .set('Authorization', other.users.vendor_pm)
      .expect(200);
    expect(res.body).toMatchObject({
      myParty: 'vendor',
      years: [{ yearNo: 1, startDate: '2026-07-01', endDate: '2027-06-30' }],
    });
    const all = await api()
      .get('/api/contracts')
      .set('Authorization', await loginDemo('admin'))
      .expect(200);
    const ids = (all.body as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([demo, other.contractId]));
    const asOperator = await api()
      .get(`/api/contracts/${other.contractId}`)
      .set('Authorization', operator())
      .expect(200);
    expect(asOperator.body.myParty).toBeNull();
  });
});
