import request from 'supertest';
import { e2eStack } from '../helpers/e2e-stack';
import { demoCredential } from '../helpers/e2e-auth';

const api = () => request(e2eStack().api);

/** A browser's view of /login: an agent keeping the form's nonce cookie, and the form's token. */
async function loginForm(next = '/') {
  const agent = request.agent(e2eStack().api);
  const form = await agent.get(`/login?next=${encodeURIComponent(next)}`).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
  if (!csrf) throw new Error('the login form carries no _csrf field');
  return { agent, csrf, form };
}

describe('the login page behind mailed links', () => {
  it('sends a browser without a session to /login and back to the page after logging in', async () => {
    const page = '/requirements/REQ-2099-0001';
    const bounced = await api().get(page).set('Accept', 'text/html').expect(303);
    expect(bounced.headers.location).toBe(`/login?next=${encodeURIComponent(page)}`);
    // The REST api keeps answering JSON.
    const json = await api().get('/api/me').set('Accept', 'text/html,application/json').expect(401);
    expect(json.body.error.code).toBe('unauthenticated');

    const { agent, csrf, form } = await loginForm(page);
    expect(bounced.headers.location).toBe(`/login?next=${encodeURIComponent(page)}`);
    expect(form.text).toContain('name="next" value="/requirements/REQ-2099-0001"');

    const { email, password } = demoCredential('hospital_staff');
    const wrong = await agent
      .post('/login')
      .type('form')
      .send({ email, password: 'not-it', next: page, _csrf: csrf })
      .expect(401);
    expect(wrong.text).toContain('邮箱或密码不正确');
    expect(String(wrong.headers['set-cookie'])).not.toContain('luyue_session=');

    const again = /name="_csrf" value="([^"]+)"/.exec(wrong.text)![1];
    const ok = await agent
      .post('/login')
      .type('form')
      .send({ email, password, next: page, _csrf: again })
      .expect(303);
    expect(ok.headers.location).toBe(page);
    const cookie = (ok.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('luyue_session='),
    )!;
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await api().get('/api/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.email).toBe(email);
  });

  it('never redirects to another host', async () => {
    const { email, password } = demoCredential('vendor_pm');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { agent, csrf } = await loginForm();
      const res = await agent
        .post('/login')
        .type('form')
        .send({ email, password, next, _csrf: csrf })
        .expect(303);
      expect(res.headers.location).toBe('/');
    }
  });

  it('refuses a login form posted without its token or with another browser’s (login CSRF)', async () => {
    const { email, password } = demoCredential('vendor_pm');
    const bare = await api().post('/login').type('form').send({ email, password }).expect(403);
    expect(bare.text).toContain('登录表单已过期或来源不明');
    expect(String(bare.headers['set-cookie'])).not.toContain('luyue_session=');
    // A token lifted from the attacker's own form is useless without the nonce cookie it pairs with.
    const { csrf } = await loginForm();
    const other = await loginForm();
    const forged = await other.agent
      .post('/login')
      .type('form')
      .send({ email, password, _csrf: csrf })
      .expect(403);
    expect(String(forged.headers['set-cookie'])).not.toContain('luyue_session=');
  });
});
