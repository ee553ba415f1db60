import request from 'supertest';
import type { Role } from '@luyue/domain';
import { demoContractId, demoCredential } from './e2e-auth';
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
