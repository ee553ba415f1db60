// Steps that cannot be undone ask for a ticked box (no JavaScript needed): without it the form
// comes back with the error beside the box and nothing changes. A 409 page offers only the
// viewer's own steps.
import { randomUUID } from 'node:crypto';
import { requirementStepLabel } from '@luyue/domain';
import { api, demoContractId, loginDemo, operator } from '../helpers/e2e-auth';
import { consoleLogin, type ConsoleAgent, hidden, errorBeside } from '../helpers/e2e-console';
import { getRequirement, submitRequirement } from '../helpers/e2e-requirements';

/** Sends the form with this id from the page, as a browser would, expecting `status`. */
async function post(
  agent: ConsoleAgent,
  page: string,
  formId: string,
  status: number,
  body: Record<string, string> = {},
) {
  const html = (await agent.get(page).expect(200)).text;
  const action = new RegExp(`action="([^"]+)"[^>]*id="${formId}"`).exec(html)![1];
  return agent
    .post(action)
    .type('form')
    .send({ ...hidden(html, formId), ...body })
    .expect(status);
}

describe('confirmation before a step that cannot be undone', () => {
  it('refuses a cancel without the ticked box, keeps the reason, then cancels with it', async () => {
    const contractId = await demoContractId();
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId);
    const manager = await consoleLogin('hospital_manager');
    const page = `/requirements/${id as string}`;
    const refused = await post(manager, page, 'action-cancel', 400, { reason: '重复提交' });
    expect(errorBeside(refused.text, 'cancel-confirm')).toBe('请勾选确认后再提交');
    expect(refused.text).toContain('重复提交');
    const manager2 = await loginDemo('hospital_manager');
    expect((await getRequirement(manager2, id as string).expect(200)).body.status).toBe(
      'assessing',
    );
    await post(manager, page, 'action-cancel', 303, { reason: '重复提交', confirm: 'yes' });
    expect((await getRequirement(manager2, id as string).expect(200)).body.status).toBe(
      'cancelled',
    );
  });

  it('refuses to disable an account without the ticked box', async () => {
    const demo = await api()
      .get(`/api/contracts/${await demoContractId()}`)
      .set('Authorization', operator())
      .expect(200);
    const created = await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email: `confirm-e2e.${randomUUID().slice(0, 8)}@hospital.example`,
        name: '确认测试',
        organizationId: (demo.body as { hospital: { id: string } }).hospital.id,
        roles: ['hospital_staff'],
      })
      .expect(201);
    const userId = (created.body as { user: { id: string } }).user.id;
    const admin = await consoleLogin('admin');
    const page = `/admin/users/${userId}`;
    const refused = await post(admin, page, 'user-disable', 400);
    expect(errorBeside(refused.text, 'disable-confirm')).toBe('请勾选确认后再提交');
    expect(refused.text).toMatch(/id="user-status">启用</);
    await post(admin, page, 'user-disable', 303, { confirm: 'yes' });
    const after = await admin.get(page).expect(200);
    expect(after.text).toMatch(/id="user-status">已停用</);
  });

  it('offers on the 409 page only the steps the viewer may take', async () => {
    const contractId = await demoContractId();
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId);
    const manager = await consoleLogin('hospital_manager');
    const page = `/requirements/${id as string}`;
    const html = (await manager.get(page).expect(200)).text;
    // Approving is his step, but not while the vendor assesses: he may only cancel now.
    const late = await manager
      .post(`${page}/actions/approve`)
      .type('form')
      .set('Accept', 'text/html')
      .send({ ...hidden(html, 'action-cancel'), _once: randomUUID() })
      .expect(409);
    expect(late.text).toContain(requirementStepLabel('cancel'));
    expect(late.text).not.toContain(requirementStepLabel('assess'));
  });
});
