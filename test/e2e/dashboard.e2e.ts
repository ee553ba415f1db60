import { demoContractId, loginDemo } from '../helpers/e2e-auth';
import { consoleLogin } from '../helpers/e2e-console';
import { submitRequirement } from '../helpers/e2e-requirements';

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
