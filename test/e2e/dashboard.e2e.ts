import request from 'supertest';
import type { Role } from '@luyue/domain';
import { demoContractId, demoCredential, loginDemo } from '../helpers/e2e-auth';
import { e2eStack } from '../helpers/e2e-stack';
import { submitRequirement } from '../helpers/e2e-requirements';

async function consoleLogin(role: Role) {
  const agent = request.agent(e2eStack().api);
  const form = await agent.get('/login').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const { email, password } = demoCredential(role);
  await agent.post('/login').type('form').send({ email, password, _csrf: csrf }).expect(303);
  return agent;
}

describe('工作台', () => {
  it('lists an open request waiting for the PM with its stored assessment deadline', async () => {
    const contractId = await demoContractId();
    const { id, deadlines } = await submitRequirement(
      await loginDemo('hospital_staff'),
      contractId,
    );
    const pm = await consoleLogin('vendor_pm');
    const home = await pm.get('/').expect(200);
    const line = new RegExp(
      `<tr[^>]*><td><a href="/requirements/${id as string}">[\\s\\S]*?</tr>`,
    ).exec(home.text)?.[0];
    expect(line).toBeDefined();
    expect(line).toContain('评估期限');
    expect(line!.includes('暂定')).toBe(Boolean(deadlines?.assessment?.provisional));
  });
});
