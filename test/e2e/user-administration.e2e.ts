// An admin disables, re-enables and re-roles a user, and resets its password, through the
// REST routes: logins and open sessions are refused at once, and each change is audited.
import { randomUUID } from 'node:crypto';
import { api, demoContractId, login, loginDemo, operator } from '../helpers/e2e-auth';
import { withDb } from '../helpers/e2e-stack';

interface UserBody {
  id: string;
  email: string;
  roles: string[];
  disabledAt: string | null;
  organization: { id: string };
}

const auditRows = (userId: string) =>
  withDb(async (db) => {
    const { rows } = await db.query<{
      action: string;
      actor_email: string | null;
      summary: Record<string, unknown>;
      request_id: string | null;
    }>(
      `SELECT action, actor_email, summary, request_id FROM audit_event
       WHERE subject_type = 'user' AND subject_id = $1 ORDER BY id`,
      [userId],
    );
    return rows;
  });

describe('user administration', () => {
  let hospitalOrg: string;
  let user: UserBody;
  let password: string;
  let admin: string;

  beforeAll(async () => {
    const demo = await api()
      .get(`/api/contracts/${await demoContractId()}`)
      .set('Authorization', operator())
      .expect(200);
    hospitalOrg = (demo.body as { hospital: { id: string } }).hospital.id;
    admin = await loginDemo('admin');
    const created = await api()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: `admin-e2e.${randomUUID().slice(0, 8)}@hospital.example`,
        name: '停用测试',
        organizationId: hospitalOrg,
        roles: ['hospital_staff'],
      })
      .expect(201);
    user = (created.body as { user: UserBody }).user;
    password = (created.body as { password: string }).password;
  });

  it('lists users of one organization, disabled state included, to admins only', async () => {
    const res = await api()
      .get('/api/users')
      .query({ organizationId: hospitalOrg })
      .set('Authorization', admin)
      .expect(200);
    const listed = res.body as UserBody[];
    expect(listed.find((u) => u.id === user.id)).toMatchObject({
      email: user.email,
      roles: ['hospital_staff'],
      disabledAt: null,
    });
    expect(listed.every((u) => u.organization.id === hospitalOrg)).toBe(true);
    await api()
      .get('/api/users')
      .set('Authorization', await loginDemo('hospital_manager'))
      .expect(403);
    await api()
      .get('/api/users')
      .query({ organizationId: 'nope' })
      .set('Authorization', admin)
      .expect(400);
  });

  it('refuses a non-admin disabling a user, and an admin disabling itself', async () => {
    await api()
      .post(`/api/users/${user.id}/disable`)
      .set('Authorization', await loginDemo('hospital_manager'))
      .expect(403);
    const me = await api().get('/api/me').set('Authorization', admin).expect(200);
    const self = await api()
      .post(`/api/users/${(me.body as { id: string }).id}/disable`)
      .set('Authorization', admin)
      .expect(409);
    expect(self.body.error.message).toMatch(/own account/);
    await api().post(`/api/users/${randomUUID()}/disable`).set('Authorization', admin).expect(404);
  });

  it('ends the sessions of a disabled user and refuses its login until re-enabled', async () => {
    const bearer = await login(user.email, password);
    const loggedIn = await api()
      .post('/api/auth/login')
      .send({ email: user.email, password })
      .expect(200);
    const cookie = loggedIn.headers['set-cookie'] as unknown as string[];
    await api().get('/api/me').set('Authorization', bearer).expect(200);
    await api().get('/api/me').set('Cookie', cookie).expect(200);

    const disabled = await api()
      .post(`/api/users/${user.id}/disable`)
      .set('Authorization', admin)
      .set('X-Request-Id', 'admin-e2e-disable')
      .expect(200);
    expect((disabled.body as UserBody).disabledAt).not.toBeNull();
    await api().get('/api/me').set('Authorization', bearer).expect(401);
    await api().get('/api/me').set('Cookie', cookie).expect(401);
    await api().post('/api/auth/login').send({ email: user.email, password }).expect(401);
    // Disabling again changes nothing and writes no second audit row.
    await api().post(`/api/users/${user.id}/disable`).set('Authorization', admin).expect(200);

    const enabled = await api()
      .post(`/api/users/${user.id}/enable`)
      .set('Authorization', operator())
      .expect(200);
    expect((enabled.body as UserBody).disabledAt).toBeNull();
    // The sessions ended by the disabling stay ended; a new login works.
    await api().get('/api/me').set('Authorization', bearer).expect(401);
    await login(user.email, password);

    const rows = (await auditRows(user.id)).filter((r) => r.action.startsWith('user.'));
    expect(rows.map((r) => r.action)).toEqual(['user.created', 'user.disabled', 'user.enabled']);
    expect(rows[1]).toMatchObject({
      actor_email: 'admin@demo.luyue.local',
      summary: { sessionsRevoked: 2 },
      request_id: 'admin-e2e-disable',
    });
    expect(rows[2].actor_email).toBeNull(); // the operator
  });

  it("changes roles within the organization's party, effective on the next request", async () => {
    const bearer = await login(user.email, password);
    const changed = await api()
      .put(`/api/users/${user.id}/roles`)
      .set('Authorization', admin)
      .send({ roles: ['hospital_manager', 'hospital_staff'] })
      .expect(200);
    expect((changed.body as UserBody).roles).toEqual(['hospital_manager', 'hospital_staff']);
    const me = await api().get('/api/me').set('Authorization', bearer).expect(200);
    expect((me.body as UserBody).roles).toEqual(['hospital_manager', 'hospital_staff']);

    const wrongParty = await api()
      .put(`/api/users/${user.id}/roles`)
      .set('Authorization', admin)
      .send({ roles: ['vendor_pm'] })
      .expect(400);
    expect(wrongParty.body.error.fields).toEqual([
      { field: 'roles', message: expect.stringMatching(/vendor_pm.*vendor/) },
    ]);
    await api()
      .put(`/api/users/${user.id}/roles`)
      .set('Authorization', admin)
      .send({ roles: [] })
      .expect(400);

    const rows = (await auditRows(user.id)).filter((r) => r.action === 'user.roles_changed');
    expect(rows).toHaveLength(1);
    expect(rows[0].summary).toEqual({
      before: { roles: ['hospital_staff'] },
      after: { roles: ['hospital_manager', 'hospital_staff'] },
    });
  });

  it('resets a password: the old one and the open sessions stop working', async () => {
    const bearer = await login(user.email, password);
    const reset = await api()
      .post(`/api/users/${user.id}/password`)
      .set('Authorization', admin)
      .send({})
      .expect(200);
    const fresh = (reset.body as { password: string }).password;
    expect(fresh).not.toBe(password);
    await api().get('/api/me').set('Authorization', bearer).expect(401);
    await api().post('/api/auth/login').send({ email: user.email, password }).expect(401);
    await login(user.email, fresh);
    await api()
      .post(`/api/users/${user.id}/password`)
      .set('Authorization', admin)
      .send({ password: 'short' })
      .expect(400);
    const rows = (await auditRows(user.id)).filter((r) => r.action === 'user.password_reset');
    expect(rows).toHaveLength(1);
    // The logins since re-enabling: one per test above, and this test's.
    expect(rows[0].summary).toEqual({ sessionsRevoked: 3 });
  });
});
