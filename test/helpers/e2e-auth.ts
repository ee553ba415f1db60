// Logins for e2e tests: the demo users the seed wrote to <dataDir>/demo-credentials.json, the
// operator (ADMIN_TOKEN), and extra organizations, users and contracts made through the api.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Party, Role } from '@luyue/domain';
import { e2eStack } from './e2e-stack';

export interface DemoCredential {
  email: string;
  password: string;
  role: Role;
  party: Party;
}

export const DEMO_CONTRACT_NUMBER = 'DEMO-YW-2026-001';

export const api = () => request(e2eStack().api);

export function demoCredentials(): DemoCredential[] {
  const file = join(e2eStack().dataDir, 'demo-credentials.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DemoCredential[];
}

export function demoCredential(role: Role): DemoCredential {
  const found = demoCredentials().find((c) => c.role === role);
  if (!found) throw new Error(`no demo user with role ${role}`);
  return found;
}

/** `Authorization` value for the operator credential (the configured ADMIN_TOKEN). */
export const operator = (): string => `Bearer ${e2eStack().env.ADMIN_TOKEN}`;

/** Logs in and returns the `Authorization` header value; fails the test on anything but 200. */
export async function login(email: string, password: string): Promise<string> {
  const res = await api().post('/api/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${(res.body as { accessToken: string }).accessToken}`;
}

const sessions = new Map<string, Promise<string>>();

/** One login per demo role per test file. */
export function loginDemo(role: Role): Promise<string> {
  let session = sessions.get(role);
  if (!session) {
    const c = demoCredential(role);
    session = login(c.email, c.password);
    sessions.set(role, session);
  }
  return session;
}

export async function demoContractId(): Promise<string> {
  const res = await api().get('/api/contracts').set('Authorization', operator()).expect(200);
  const found = (res.body as Array<{ id: string; number: string }>).find(
    (c) => c.number === DEMO_CONTRACT_NUMBER,
  );
  if (!found) throw new Error('the demo contract is missing');
  return found.id;
}

export interface OtherContract {
  contractId: string;
  /** Authorization headers of one user per party role of the other contract. */
  users: Record<'hospital_staff' | 'vendor_pm' | 'vendor_dev' | 'supervisor', string>;
}

/** A second contract between three fresh organizations, with one logged-in user per role. */
export async function createOtherContract(tag = randomUUID().slice(0, 8)): Promise<OtherContract> {
  const org = async (name: string, party: Party): Promise<string> => {
    const res = await api()
      .post('/api/organizations')
      .set('Authorization', operator())
      .send({ name: `${name} ${tag}`, party })
      .expect(201);
    return (res.body as { id: string }).id;
  };
  const hospital = await org('另一家医院', 'hospital');
  const vendor = await org('另一家软件公司', 'vendor');
  const supervisor = await org('另一家监理公司', 'supervisor');
  const contract = await api()
    .post('/api/contracts')
    .set('Authorization', operator())
    .send({
      number: `OTHER-${tag}`,
      name: `另一份运维合同 ${tag}`,
      hospitalOrganizationId: hospital,
      vendorOrganizationId: vendor,
      supervisorOrganizationId: supervisor,
      startDate: '2026-07-01',
      endDate: '2027-06-30',
    })
    .expect(201);
  const user = async (role: Role, organizationId: string): Promise<string> => {
    const email = `${role}.${tag}@other.example`;
    const res = await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({ email, name: `${role} ${tag}`, organizationId, roles: [role] })
      .expect(201);
    return login(email, (res.body as { password: string }).password);
  };
  return {
    contractId: (contract.body as { id: string }).id,
    users: {
      hospital_staff: await user('hospital_staff', hospital),
      vendor_pm: await user('vendor_pm', vendor),
      vendor_dev: await user('vendor_dev', vendor),
      supervisor: await user('supervisor', supervisor),
    },
  };
}
