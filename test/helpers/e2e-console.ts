import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLE_PARTY, type Party, type Role } from '@luyue/domain';
import { api, demoContractId, demoCredential, login, operator } from './e2e-auth';
import { e2eStack } from './e2e-stack';

export type ConsoleAgent = ReturnType<typeof request.agent>;

/**
 * A browser session of a demo user: logged in through the /login form, cookies kept, switched to
 * the demo contract (other tests give the demo organizations further contracts).
 */
export async function consoleLogin(role: Role): Promise<ConsoleAgent> {
  const agent = request.agent(e2eStack().api);
  const form = await agent.get('/login').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const { email, password } = demoCredential(role);
  await agent.post('/login').type('form').send({ email, password, _csrf: csrf }).expect(303);
  await agent.get(`/?contract=${await demoContractId()}`).expect(200);
  return agent;
}

/**
 * A fresh contract between three fresh organizations (through the operator's API), with a console
 * session and an API token per asked role, switched to that contract.
 */
export async function consoleContract<R extends Role>(
  roles: readonly R[],
): Promise<{ contractId: string; console: Record<R, ConsoleAgent>; token: Record<R, string> }> {
  const tag = randomUUID().slice(0, 8);
  const org = async (party: Party): Promise<string> => {
    const res = await api()
      .post('/api/organizations')
      .set('Authorization', operator())
      .send({ name: `${party} ${tag}`, party })
      .expect(201);
    return (res.body as { id: string }).id;
  };
  const orgs = { hospital: await org('hospital'), vendor: await org('vendor') };
  const contract = await api()
    .post('/api/contracts')
    .set('Authorization', operator())
    .send({
      number: `QUEUE-${tag}`,
      name: `队列合同 ${tag}`,
      hospitalOrganizationId: orgs.hospital,
      vendorOrganizationId: orgs.vendor,
      supervisorOrganizationId: await org('supervisor'),
      startDate: '2026-07-01',
      endDate: '2027-06-30',
    })
    .expect(201);
  const contractId = (contract.body as { id: string }).id;
  const console = {} as Record<R, ConsoleAgent>;
  const token = {} as Record<R, string>;
  for (const role of roles) {
    const email = `${role}.${tag}@queue.example`;
    const res = await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email,
        name: `${role} ${tag}`,
        organizationId: orgs[ROLE_PARTY[role] as 'hospital' | 'vendor'],
        roles: [role],
      })
      .expect(201);
    const password = (res.body as { password: string }).password;
    token[role] = await login(email, password);
    const agent = request.agent(e2eStack().api);
    const form = await agent.get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await agent.post('/login').type('form').send({ email, password, _csrf: csrf }).expect(303);
    await agent.get(`/?contract=${contractId}`).expect(200);
    console[role] = agent;
  }
  return { contractId, console, token };
}

/** The hidden fields (`_csrf`, `_once`) of the form with this id in a page. */
export function hidden(html: string, formId: string): Record<string, string> {
  const start = html.indexOf(`id="${formId}"`);
  if (start < 0) throw new Error(`no form ${formId} on the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** The error a page shows beside the field with this id. */
export const errorBeside = (html: string, id: string): string | undefined =>
  new RegExp(`id="${id}-error">([^<]*)<`).exec(html)?.[1];
