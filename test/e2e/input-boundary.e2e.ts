// One input boundary for every body: JSON, multipart fields, console and link forms, file names.
// Each refusal is a 400 naming the field, and the item then takes its next step normally.
import http from 'node:http';
import { resolve } from 'node:path';
import { api, demoContractId, demoCredential, loginDemo, operator } from '../helpers/e2e-auth';
import { proposeChange, replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import { consoleLogin, hidden } from '../helpers/e2e-console';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';
import { SAMPLES, importReport, issueNotice } from '../helpers/e2e-security';
import { e2eStack, eventually } from '../helpers/e2e-stack';

const AIRPLAY = resolve(SAMPLES, 'openvasreporting/airplay.xml');

const fieldsOf = (body: { error: { code: string; fields?: Array<{ field: string }> } }) => ({
  code: body.error.code,
  fields: (body.error.fields ?? []).map((f) => f.field),
});

describe('the input boundary', () => {
  let contractId: string;
  let staff: string;
  let pm: string;
  let dev: string;
  let manager: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, pm, dev, manager] = await Promise.all(
      (['hospital_staff', 'vendor_pm', 'vendor_dev', 'hospital_manager'] as const).map(loginDemo),
    );
  });

  it('refuses a NUL in a security fix note (multipart), then takes the correct fix', async () => {
    const noticeId = await issueNotice(manager, contractId);
    expect((await importReport(manager, noticeId, AIRPLAY)).status).toBe('done');
    const list = await api()
      .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=100`)
      .set('Authorization', pm)
      .expect(200);
    const items = (list.body as { items: Array<{ id: string; severity: string }> }).items;
    const id = items.find((t) => t.severity === 'high')!.id;
    // A task just imported is still being issued (409) for a moment: wait for its workflow.
    const started = await eventually(
      () =>
        api()
          .post(`/api/security-tasks/${id}/actions/start`)
          .set('Authorization', dev)
          .send({ note: '开始' }),
      (res) => res.status !== 409,
    );
    expect(started.status).toBe(200);
    const fix = (note: string) =>
      api()
        .post(`/api/security-tasks/${id}/actions/fix`)
        .set('Authorization', dev)
        .field('note', note)
        .attach('files', Buffer.from('patched\n'), {
          filename: '补丁.txt',
          contentType: 'text/plain',
        });
    const refused = await fix('a\u0000b').expect(400);
    expect(fieldsOf(refused.body)).toEqual({ code: 'validation_failed', fields: ['note'] });
    await fix('已安装补丁').expect(200);
  }, 60_000);

  it('refuses a NUL in a change archive note, then archives', async () => {
    const c = await proposeChange(pm, contractId);
    for (const role of ['hospital_manager', 'supervisor'] as const) {
      await api()
        .post(`/api/change-requests/${c.id}/replies`)
        .set('Authorization', await loginDemo(role))
        .send({ decision: 'agree' })
        .expect(200);
    }
    for (const step of ['confirm', 'start-implementation']) {
      await api()
        .post(`/api/change-requests/${c.id}/actions/${step}`)
        .set('Authorization', pm)
        .send({})
        .expect(200);
    }
    const archive = (note: string) =>
      api()
        .post(`/api/change-requests/${c.id}/actions/archive`)
        .set('Authorization', pm)
        .field('note', note)
        .attach('files', Buffer.from('配置'), { filename: '配置.txt', contentType: 'text/plain' });
    const refused = await archive('x\u0000').expect(400);
    expect(fieldsOf(refused.body)).toEqual({ code: 'validation_failed', fields: ['note'] });
    expect((await archive('配置文档').expect(200)).body.status).toBe('archiving');
  });

  it('refuses a NUL comment and an empty POST on a reply link with the form page, then takes the reply', async () => {
    const c = await proposeChange(pm, contractId);
    const [mail] = await replyLinkMails(demoCredential('supervisor').email, c.id);
    const link = replyLinkOf(mail);
    const nul = await api()
      .post(link)
      .type('form')
      .send('decision=disagree&comment=a%00b')
      .expect(400);
    expect(nul.headers['content-type']).toMatch(/text\/html/);
    expect(nul.text).toContain('不能包含空字符');
    const empty = await api().post(link).expect(400);
    expect(empty.text).toContain('name="decision"');
    const done = await api()
      .post(link)
      .type('form')
      .send({ decision: 'disagree', comment: '费用不明确' })
      .expect(200);
    expect(done.text).toContain('已记录您的书面答复');
  });

  it('shows the console assess form again for a NUL solution, then assesses', async () => {
    const r = await submitRequirement(staff, contractId);
    const agent = await consoleLogin('vendor_pm');
    const page = await agent.get(`/requirements/${r.id}`).expect(200);
    const form = {
      ...hidden(page.text, 'action-assess'),
      kind: 'customization',
      feasibility: 'feasible',
      estimatePersonDays: '2',
      plannedDeliveryDate: assessment().plannedDeliveryDate as string,
      solution: '方案\u0000',
    };
    const refused = await agent
      .post(`/requirements/${r.id}/actions/assess`)
      .type('form')
      .send(form);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/id="assess-solution-error">不能包含空字符/);
    await act(pm, r.id, 'assess', assessment()).expect(200);
  });

  it('shows the console submit form again for a NUL title (not 500)', async () => {
    const clerk = await consoleLogin('hospital_staff');
    const page = await clerk.get('/requirements/new').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const refused = await clerk
      .post('/requirements/new')
      .type('form')
      .send({ _csrf: csrf, title: 'a\u0000b', description: '说明', system: 'HIS' })
      .expect(400);
    expect(refused.text).toMatch(/id="new-title-error">不能包含空字符/);
  });

  it('takes a console multipart form with its CSRF token in a hidden field, never in the URL', async () => {
    const r = await submitRequirement(staff, contractId);
    const agent = await consoleLogin('hospital_staff');
    const page = await agent.get(`/requirements/${r.id}`).expect(200);
    expect(page.text).not.toContain('?_csrf=');
    const csrf = hidden(page.text, 'attach')._csrf;
    const upload = (token?: string) => {
      const req = agent.post(`/requirements/${r.id}/attachments`);
      if (token) req.field('_csrf', token);
      return req.attach('files', Buffer.from('说明'), {
        filename: '说明.txt',
        contentType: 'text/plain',
      });
    };
    await upload().expect(403);
    await upload(csrf).expect(303);
  });
});

const names = (attachments: Array<{ name: string }>) => attachments.map((a) => a.name);

describe('file names and contents at the boundary', () => {
  let staff: string;
  let id: string;
  const upload = (content: Buffer, filename: string, contentType = 'text/plain') =>
    api()
      .post(`/api/requirements/${id}/attachments`)
      .set('Authorization', staff)
      .attach('files', content, { filename, contentType });

  beforeAll(async () => {
    staff = await loginDemo('hospital_staff');
    id = (await submitRequirement(staff, await demoContractId())).id as string;
  });

  it('keeps 199 letters and an emoji whole (cut on code points, not 500)', async () => {
    const name = `${'a'.repeat(199)}😀`;
    const res = await upload(Buffer.from('x'), name).expect(201);
    expect(names(res.body)).toContain(name);
  });

  it('keeps the extension when it shortens a 300-character name', async () => {
    const res = await upload(Buffer.from('x'), `${'长'.repeat(300)}.txt`).expect(201);
    const kept = names(res.body).find((n) => n.startsWith('长'))!;
    expect(kept).toMatch(/^长+\.txt$/);
    expect([...kept]).toHaveLength(200);
  });

  it('refuses a right-to-left override in a name, naming the field, then takes a plain name', async () => {
    const res = await upload(Buffer.from('x'), 'photo\u202etxt.exe').expect(400);
    expect(fieldsOf(res.body)).toEqual({ code: 'validation_failed', fields: ['files'] });
    await upload(Buffer.from('x'), 'photo.txt').expect(201);
  });

  it('refuses an MZ executable declared as text/plain', async () => {
    const res = await upload(Buffer.from('MZ\x90\x00program'), 'readme.txt').expect(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('answers an over-limit file 413 payload_too_large naming the field and the limit', async () => {
    const limit = Number(e2eStack().env.FILE_MAX_BYTES ?? 20 * 1024 * 1024);
    const res = await upload(Buffer.alloc(limit + 1024, 0x61), 'big.txt').expect(413);
    expect(res.body.error).toMatchObject({
      code: 'payload_too_large',
      field: 'files',
      limitBytes: limit,
    });
  });
});

describe('smaller edges', () => {
  it('answers a generated password with Cache-Control: no-store', async () => {
    const orgs = await api().get('/api/organizations').set('Authorization', operator()).expect(200);
    const hospital = (orgs.body as Array<{ id: string; party: string }>).find(
      (o) => o.party === 'hospital',
    )!;
    const res = await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email: `nostore.${Date.now()}@hospital.example`,
        name: '缓存测试',
        organizationId: hospital.id,
        roles: ['hospital_staff'],
      })
      .expect(201);
    expect(res.body.password).toEqual(expect.any(String));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers the method QUERY 405 with Allow, not 404', async () => {
    const url = new URL('/api/contracts', e2eStack().api);
    const answer = await new Promise<{ status: number; allow?: string; body: string }>(
      (done, fail) => {
        const req = http.request(url, { method: 'QUERY' }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => done({ status: res.statusCode!, allow: res.headers.allow, body }));
        });
        req.on('error', fail);
        req.end();
      },
    );
    expect(answer.status).toBe(405);
    expect(answer.allow).toContain('GET');
    expect(JSON.parse(answer.body).error.code).toBe('method_not_allowed');
  });
});
