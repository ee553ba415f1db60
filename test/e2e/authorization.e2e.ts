import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import type { Role } from '@luyue/domain';
import { defaultAssessmentTemplate } from '@luyue/assessment/definitions';
import { DEFAULT_SLA_POLICY } from '@luyue/fault-ticket/definitions';
import {
  api,
  createOtherContract,
  demoContractId,
  demoCredential,
  demoCredentials,
  login,
  loginDemo,
  operator,
} from '../helpers/e2e-auth';

type Who = Role | 'operator' | 'outsider';
const ROLES: Role[] = [
  'hospital_staff',
  'hospital_manager',
  'vendor_pm',
  'vendor_dev',
  'supervisor',
  'admin',
];
const EVERYONE: Who[] = [...ROLES, 'operator', 'outsider'];
const ADMINS: Who[] = ['admin', 'operator'];

interface Ids {
  demo: string;
  hospitalOrg: string;
  vendorOrg: string;
  supervisorOrg: string;
}

interface RouteCase {
  route: string;
  call: (ids: Ids) => Test;
  /** The status each caller gets; callers not listed get `otherwise`. */
  expect: Partial<Record<Who, number>>;
  otherwise: number;
}

const unique = () => randomUUID().slice(0, 8);
const only = (who: Who[], status: number): Partial<Record<Who, number>> =>
  Object.fromEntries(who.map((w) => [w, status]));

const ROUTES: RouteCase[] = [
  { route: 'GET /api/me', call: () => api().get('/api/me'), expect: {}, otherwise: 200 },
  {
    route: 'GET /api/contracts',
    call: () => api().get('/api/contracts'),
    expect: {},
    otherwise: 200,
  },
  {
    route: 'GET /api/contracts/:demo',
    call: (ids) => api().get(`/api/contracts/${ids.demo}`),
    expect: { outsider: 404 },
    otherwise: 200,
  },
  {
    route: 'GET /api/contracts/:unknown',
    call: () => api().get(`/api/contracts/${randomUUID()}`),
    expect: {},
    otherwise: 404,
  },
  {
    route: 'GET /api/contracts/:not-a-uuid',
    call: () => api().get('/api/contracts/not-a-uuid'),
    expect: {},
    otherwise: 404,
  },
  {
    route: 'GET /api/contracts/:demo/audit',
    call: (ids) => api().get(`/api/contracts/${ids.demo}/audit`),
    expect: { outsider: 404 },
    otherwise: 200,
  },
  {
    route: 'PATCH /api/contracts/:demo/settings',
    call: (ids) =>
      api().patch(`/api/contracts/${ids.demo}/settings`).send({ retestWorkingDays: 7 }),
    expect: only(ADMINS, 200),
    otherwise: 403,
  },
  {
    route: 'POST /api/contracts',
    call: (ids) =>
      api()
        .post('/api/contracts')
        .send({
          number: `AUTHZ-${unique()}`,
          name: 'authorization table',
          hospitalOrganizationId: ids.hospitalOrg,
          vendorOrganizationId: ids.vendorOrg,
          supervisorOrganizationId: ids.supervisorOrg,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        }),
    expect: only(ADMINS, 201),
    otherwise: 403,
  },
  {
    route: 'POST /api/organizations',
    call: () =>
      api()
        .post('/api/organizations')
        .send({ name: `权限测试 ${unique()}`, party: 'vendor' }),
    expect: only(ADMINS, 201),
    otherwise: 403,
  },
  {
    route: 'GET /api/organizations',
    call: () => api().get('/api/organizations'),
    expect: only(ADMINS, 200),
    otherwise: 403,
  },
  {
    route: 'POST /api/users',
    call: (ids) =>
      api()
        .post('/api/users')
        .send({
          email: `authz.${unique()}@hospital.example`,
          name: '权限测试',
          organizationId: ids.hospitalOrg,
          roles: ['hospital_staff'],
        }),
    expect: only(ADMINS, 201),
    otherwise: 403,
  },
  {
    route: 'PUT /api/calendar/years/2098',
    call: () =>
      api()
        .put('/api/calendar/years/2098')
        .send({ holidays: ['2098-01-01'], workdays: [] }),
    expect: only(ADMINS, 200),
    otherwise: 403,
  },
  ...['requirements', 'requirements/stats', 'requirements/ledger.xlsx', 'quota'].map(
    (sub): RouteCase => ({
      route: `GET /api/contracts/:demo/${sub}`,
      call: (ids) => api().get(`/api/contracts/${ids.demo}/${sub}`),
      expect: { outsider: 404 },
      otherwise: 200,
    }),
  ),
  ...['fault-figures', 'fault-ledger.xlsx'].map((sub): RouteCase => ({
    route: `GET /api/contracts/:demo/${sub}`,
    call: (ids) => api().get(`/api/contracts/${ids.demo}/${sub}`),
    expect: { outsider: 404 },
    otherwise: 200,
  })),
  {
    route: 'POST /api/contracts/:demo/requirements',
    call: (ids) =>
      api()
        .post(`/api/contracts/${ids.demo}/requirements`)
        .send({ title: `权限测试 ${unique()}`, description: '权限表', system: 'HIS' }),
    expect: { hospital_staff: 201, hospital_manager: 201 },
    otherwise: 403,
  },
  {
    route: 'GET /api/contracts/:demo/change-requests',
    call: (ids) => api().get(`/api/contracts/${ids.demo}/change-requests`),
    expect: { outsider: 404 },
    otherwise: 200,
  },
  {
    route: 'GET /api/contracts/:demo/change-requests/stats',
    call: (ids) => api().get(`/api/contracts/${ids.demo}/change-requests/stats`),
    expect: { outsider: 404 },
    otherwise: 200,
  },
  {
    route: 'POST /api/contracts/:demo/change-requests',
    call: (ids) =>
      api()
        .post(`/api/contracts/${ids.demo}/change-requests`)
        .send({
          title: `权限测试 ${unique()}`,
          description: '权限表',
          changeType: 'modify',
          impact: { scope: '无', schedule: '无', cost: '无' },
        }),
    expect: { hospital_staff: 201, hospital_manager: 201, vendor_pm: 201, supervisor: 201 },
    otherwise: 403,
  },
  ...['security-notices', 'security-tasks'].map((sub): RouteCase => ({
    route: `GET /api/contracts/:demo/${sub}`,
    call: (ids) => api().get(`/api/contracts/${ids.demo}/${sub}`),
    expect: { outsider: 404 },
    otherwise: 200,
  })),
  {
    route: 'POST /api/contracts/:demo/security-notices',
    call: (ids) =>
      api()
        .post(`/api/contracts/${ids.demo}/security-notices`)
        .send({
          number: `ZG-${unique()}`,
          issuedAt: new Date().toISOString(),
          source: 'vuln_scan',
          assessor: '权限测试',
          title: `权限测试 ${unique()}`,
        }),
    expect: { hospital_manager: 201 },
    otherwise: 403,
  },
  {
    route: 'GET /api/contracts/:demo/security/stats',
    call: (ids) => api().get(`/api/contracts/${ids.demo}/security/stats`),
    expect: { outsider: 404 },
    otherwise: 200,
  },
  ...['fault-tickets', 'sla-policy'].map((sub): RouteCase => ({
    route: `GET /api/contracts/:demo/${sub}`,
    call: (ids) => api().get(`/api/contracts/${ids.demo}/${sub}`),
    expect: { outsider: 404 },
    otherwise: 200,
  })),
  {
    route: 'POST /api/contracts/:demo/fault-tickets',
    call: (ids) =>
      api()
        .post(`/api/contracts/${ids.demo}/fault-tickets`)
        .send({ system: 'HIS', level: 'level_4', title: `权限测试 ${unique()}` }),
    expect: {
      hospital_staff: 201,
      hospital_manager: 201,
      vendor_pm: 201,
      vendor_dev: 201,
      outsider: 404,
    },
    otherwise: 403,
  },
  {
    route: 'PUT /api/contracts/:demo/sla-policy',
    call: (ids) => api().put(`/api/contracts/${ids.demo}/sla-policy`).send(DEFAULT_SLA_POLICY),
    expect: { hospital_manager: 200, admin: 200, operator: 200 },
    otherwise: 403,
  },
  ...['duty-plans', 'duties', 'duty-figures?year=1', 'duty-ledger.xlsx?year=1'].map(
    (sub): RouteCase => ({
      route: `GET /api/contracts/:demo/${sub.split('?')[0]}`,
      call: (ids) => api().get(`/api/contracts/${ids.demo}/${sub}`),
      expect: { outsider: 404 },
      otherwise: 200,
    }),
  ),
  {
    route: 'POST /api/contracts/:demo/duty-plans',
    call: (ids) =>
      api()
        .post(`/api/contracts/${ids.demo}/duty-plans`)
        .send({
          kind: 'drill',
          title: `权限测试 ${unique()}`,
          systems: ['HIS'],
          cadence: { type: 'times_a_year', times: 1 },
          deadline: { workingDays: 5, time: null },
          checklist: [],
          signers: ['hospital_manager'],
        }),
    expect: { hospital_manager: 201, admin: 201, operator: 201 },
    otherwise: 403,
  },
  {
    route: 'POST /api/contracts/:demo/duties/generate',
    call: (ids) => api().post(`/api/contracts/${ids.demo}/duties/generate`).send({ year: 1 }),
    expect: { hospital_manager: 200, admin: 200, operator: 200 },
    otherwise: 403,
  },
  ...['assessment-template', 'scorecard?year=1'].map((sub): RouteCase => ({
    route: `GET /api/contracts/:demo/${sub.split('?')[0]}`,
    call: (ids) => api().get(`/api/contracts/${ids.demo}/${sub}`),
    expect: { outsider: 404 },
    otherwise: 200,
  })),
  {
    route: 'PUT /api/contracts/:demo/assessment-template',
    call: (ids) =>
      api().put(`/api/contracts/${ids.demo}/assessment-template`).send(defaultAssessmentTemplate()),
    expect: { hospital_manager: 200, admin: 200, operator: 200 },
    otherwise: 403,
  },
  ...['mlps', 'crypto'].map((kind): RouteCase => ({
    route: `GET /api/security-templates/${kind}.xlsx`,
    call: () => api().get(`/api/security-templates/${kind}.xlsx`),
    expect: {},
    otherwise: 200,
  })),
];

/**
 * Documented operations whose role cells are checked in another file (actions need an item in
 * the right state). Every documented operation is in ROUTES or here: a new route without an
 * entry fails the coverage test below.
 */
const CHECKED_ELSEWHERE: Readonly<Record<string, string>> = {
  'POST /api/auth/logout': 'this file: session cookie and logout; error-envelope.e2e.ts (operator)',
  'GET /metrics': 'foundation.e2e.ts',
  'GET /api/users': 'user-administration.e2e.ts',
  'POST /api/users/*/disable': 'user-administration.e2e.ts',
  'POST /api/users/*/enable': 'user-administration.e2e.ts',
  'PUT /api/users/*/roles': 'user-administration.e2e.ts',
  'POST /api/users/*/password': 'user-administration.e2e.ts',
  'GET /api/calendar/years': 'user-administration.e2e.ts, admin.browser.ts',
  'GET /api/requirements/*': 'contract-isolation.e2e.ts, requirement-reads.e2e.ts',
  'GET /api/requirements/*/acceptance': 'requirements-refusals.e2e.ts',
  'POST /api/requirements/*/actions/*': 'requirements-refusals.e2e.ts (roles from the table)',
  'POST /api/requirements/*/attachments': 'requirement-attachments.e2e.ts',
  'POST /api/contracts/*/files': 'change-attachments.e2e.ts',
  'GET /api/files/*': 'change-attachments.e2e.ts',
  'GET /api/change-requests/*': 'change-requests.e2e.ts',
  'GET /api/change-requests/*/confirmation': 'change-requests.e2e.ts',
  'POST /api/change-requests/*/replies': 'change-requests.e2e.ts',
  'POST /api/change-requests/*/actions/*': 'change-requests.e2e.ts',
  'GET /api/security-notices/*': 'security-import.e2e.ts',
  'POST /api/security-notices/*/reports': 'security-import.e2e.ts',
  'GET /api/security-notices/*/rectification-list.xlsx': 'security-import.e2e.ts',
  'GET /api/security-notices/*/rectification-report.xlsx': 'rectification-report.e2e.ts',
  'GET /api/security-tasks/*': 'security-import.e2e.ts',
  'GET /api/security-imports/*': 'security-import.e2e.ts',
  'GET /api/security-tasks/*/remediation': 'security-remediation.e2e.ts',
  'POST /api/security-tasks/*/actions/*': 'security-remediation.e2e.ts (roles from the table)',
  'GET /api/fault-tickets/*': 'fault-tickets.e2e.ts',
  'POST /api/fault-tickets/*/actions/*': 'fault-tickets.e2e.ts (roles from the table)',
  'GET /api/duty-plans/*': 'duties.e2e.ts',
  'POST /api/duty-plans/*/stop': 'duties.e2e.ts',
  'GET /api/duties/*': 'duties.e2e.ts',
  'POST /api/duties/*/actions/*': 'duties.e2e.ts (roles from the table)',
  'POST /api/duties/*/items/*/fault-ticket': 'duties.e2e.ts',
  'POST /api/duties/*/items/*/requirement': 'duties.e2e.ts',
};

/** `GET /api/contracts/:demo/x`, `GET /api/contracts/{id}/x`, `PUT …/years/2098` → one form. */
const opOf = (route: string): string =>
  route
    .split(' ')
    .map((part, i) =>
      i === 0
        ? part
        : part
            .split('/')
            .map((seg) => (/^(:|\{)|^\d+$/.test(seg) ? '*' : seg))
            .join('/'),
    )
    .join(' ');

/** `*` in a key stands for one path segment (an id, an action name). */
const matches = (key: string, op: string): boolean => {
  const [a, b] = [key.split(/[ /]/), op.split(/[ /]/)];
  return a.length === b.length && a.every((seg, i) => seg === '*' || seg === b[i]);
};

const covered = (op: string): boolean =>
  ROUTES.some((r) => opOf(r.route) === op) ||
  Object.keys(CHECKED_ELSEWHERE).some((key) => matches(key, op));

describe('authorization on every route', () => {
  const auth = new Map<Who, string>();
  let ids: Ids;

  beforeAll(async () => {
    for (const role of ROLES) auth.set(role, await loginDemo(role));
    auth.set('operator', operator());
    const other = await createOtherContract();
    auth.set('outsider', other.users.vendor_dev);
    const demo = await demoContractId();
    const contract = await api().get(`/api/contracts/${demo}`).set('Authorization', operator());
    const parties = contract.body as Record<'hospital' | 'vendor' | 'supervisor', { id: string }>;
    ids = {
      demo,
      hospitalOrg: parties.hospital.id,
      vendorOrg: parties.vendor.id,
      supervisorOrg: parties.supervisor.id,
    };
  });

  it('has a demo user for every role', () => {
    expect(
      demoCredentials()
        .map((c) => c.role)
        .sort(),
    ).toEqual([...ROLES].sort());
  });

  it('refuses every operation not marked public to an anonymous caller (OpenAPI walk)', async () => {
    const doc = await api().get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, Record<string, unknown>>>;
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation['x-luyue-public'] === true) continue;
        const url = path.replace(/\{year\}/g, '2098').replace(/\{[^}]+\}/g, randomUUID());
        const res = await (api() as unknown as Record<string, (u: string) => Test>)[method](url);
        checked.push(`${method.toUpperCase()} ${path} → ${res.status}`);
        expect(`${method.toUpperCase()} ${path} → ${res.status}`).toBe(
          `${method.toUpperCase()} ${path} → 401`,
        );
      }
    }
    // Every protected route of the table below is among those walked.
    expect(checked.map((line) => line.split(' → ')[0])).toEqual(
      expect.arrayContaining([
        'GET /api/me',
        'POST /api/auth/logout',
        'GET /api/contracts',
        'POST /api/contracts',
        'GET /api/contracts/{id}',
        'PATCH /api/contracts/{id}/settings',
        'GET /api/contracts/{id}/audit',
        'GET /api/organizations',
        'POST /api/organizations',
        'POST /api/users',
        'PUT /api/calendar/years/{year}',
        'POST /api/contracts/{contractId}/requirements',
        'GET /api/contracts/{contractId}/quota',
        'GET /api/requirements/{id}',
        'POST /api/requirements/{id}/actions/approve',
      ]),
    );
  });

  it('has role cells for every documented operation (a new route without an entry fails here)', async () => {
    const doc = await api().get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, Record<string, unknown>>>;
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation['x-luyue-public'] === true) continue;
        const op = opOf(`${method.toUpperCase()} ${path}`);
        if (!covered(op)) missing.push(op);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the public routes public', async () => {
    await api().get('/health').expect(200);
    await api()
      .get('/api/calendar/working-days')
      .query({ from: '2026-03-02T09:00:00+08:00', days: 3 })
      .expect(200);
    const doc = await api().get('/api/docs-json').expect(200);
    const publicOps = Object.entries(doc.body.paths as Record<string, Record<string, object>>)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => (op as Record<string, unknown>)['x-luyue-public'] === true)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'GET /api/calendar/working-days',
        'GET /health',
        'POST /api/auth/login',
      ]),
    );
  });

  describe.each(ROUTES)('$route', (route) => {
    it('answers 401 without a login and 401 for a forged token', async () => {
      await route.call(ids).expect(401);
      await route.call(ids).set('Authorization', 'Bearer not.a.token').expect(401);
    });

    it.each(EVERYONE)('as %s', async (who) => {
      const expected = route.expect[who] ?? route.otherwise;
      const res = await route.call(ids).set('Authorization', auth.get(who)!);
      expect(
        `${who}: ${res.status} ${res.status === expected ? '' : JSON.stringify(res.body)}`,
      ).toBe(`${who}: ${expected} `);
      if (expected === 403) expect(res.body.error.code).toBe('forbidden');
      if (expected === 404)
        expect(res.body.error).toEqual({ code: 'not_found', message: 'No such contract' });
    });
  });

  it('lets a vendor_dev list but not create contracts (done-when check)', async () => {
    const dev = await loginDemo('vendor_dev');
    const res = await api().post('/api/contracts').set('Authorization', dev).send({}).expect(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses a REST write authenticated by the cookie alone unless it carries X-CSRF-Token', async () => {
    const c = demoCredential('hospital_staff');
    const res = await api()
      .post('/api/auth/login')
      .send({ email: c.email, password: c.password })
      .expect(200);
    const pair = (res.headers['set-cookie'] as unknown as string[])
      .find((v) => v.startsWith('luyue_session='))!
      .split(';')[0];
    const csrf = res.body.csrfToken as string;
    const contractId = await demoContractId();
    const write = () => api().post(`/api/contracts/${contractId}/requirements`).set('Cookie', pair);
    const body = {
      title: `Cookie 写入 ${Date.now()}`,
      description: '只带会话 Cookie 的写请求必须附带 CSRF 令牌。',
      system: 'LIS',
      priority: 'normal',
    };
    const before = await api()
      .get(`/api/contracts/${contractId}/requirements`)
      .query({ q: body.title })
      .set('Cookie', pair)
      .expect(200);
    expect(before.body.total).toBe(0);

    const refused = await write().send(body).expect(403);
    expect(refused.body.error.code).toBe('csrf_refused');
    const forged = await write().set('X-CSRF-Token', 'x'.repeat(43)).send(body).expect(403);
    expect(forged.body.error.code).toBe('csrf_refused');
    const after = await api()
      .get(`/api/contracts/${contractId}/requirements`)
      .query({ q: body.title })
      .set('Cookie', pair)
      .expect(200);
    expect(after.body.total).toBe(0);

    await write().set('X-CSRF-Token', csrf).send(body).expect(201);
    // The bearer token needs no CSRF token: a browser never sends it on its own.
    await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', `Bearer ${res.body.accessToken as string}`)
      .send({ ...body, title: `${body.title} bearer` })
      .expect(201);
  });

  it('accepts the session cookie for pages and ends it with logout', async () => {
    const c = demoCredential('supervisor');
    const res = await api()
      .post('/api/auth/login')
      .send({ email: c.email, password: c.password })
      .expect(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((v) =>
      v.startsWith('luyue_session='),
    )!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const pair = cookie.split(';')[0];
    const bearer = `Bearer ${res.body.accessToken as string}`;
    const me = await api().get('/api/me').set('Cookie', pair).expect(200);
    expect(me.body).toMatchObject({
      email: c.email,
      roles: ['supervisor'],
      organization: { party: 'supervisor' },
    });
    await api().get('/api/me').set('Authorization', bearer).expect(200);

    await api().post('/api/auth/logout').set('Authorization', bearer).expect(204);
    // Both the token and the cookie of that session are dead; a new login works.
    await api().get('/api/me').set('Authorization', bearer).expect(401);
    await api().get('/api/me').set('Cookie', pair).expect(401);
    await api()
      .get('/api/me')
      .set('Authorization', await login(c.email, c.password))
      .expect(200);
  });

  it('lets each demo user log in and see the demo contract', async () => {
    const demo = await demoContractId();
    for (const c of demoCredentials()) {
      const res = await api()
        .get('/api/contracts')
        .set('Authorization', await login(c.email, c.password))
        .expect(200);
      const mine = (res.body as Array<{ id: string; myParty: string | null }>).find(
        (x) => x.id === demo,
      );
      expect({ role: c.role, party: mine?.myParty }).toEqual({ role: c.role, party: c.party });
    }
  });
});
