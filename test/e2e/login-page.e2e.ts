import request from 'supertest';
import { e2eStack } from '../helpers/e2e-stack';
import { demoCredential } from '../helpers/e2e-auth';

const api = () => request(e2eStack().api);

describe('the login page behind mailed links', () => {
  it('sends a browser without a session to /login and back to the page after logging in', async () => {
    const page = '/requirements/REQ-2099-0001';
    const bounced = await api().get(page).set('Accept', 'text/html').expect(303);
    expect(bounced.headers.location).toBe(`/login?next=${encodeURIComponent(page)}`);
    // The REST api keeps answering JSON.
    const json = await api().get('/api/me').set('Accept', 'text/html,application/json').expect(401);
    expect(json.body.error.code).toBe('unauthenticated');

    const form = await api().get(bounced.headers.location).expect(200);
    expect(form.text).toContain('name="next" value="/requirements/REQ-2099-0001"');

    const { email, password } = demoCredential('hospital_staff');
    const wrong = await api()
      .post('/login')
      .type('form')
      .send({ email, password: 'not-it', next: page })
      .expect(401);
    expect(wrong.text).toContain('邮箱或密码不正确');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const ok = await api()
      .post('/login')
      .type('form')
      .send({ email, password, next: page })
      .expect(303);
    expect(ok.headers.location).toBe(page);
    const cookie = ok.headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/i);
    const me = await api().get('/api/me').set('Cookie', cookie).expect(200);
    expect(me.body.email).toBe(email);
  });

  it('never redirects to another host', async () => {
    const { email, password } = demoCredential('vendor_pm');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await api()
        .post('/login')
        .type('form')
        .send({ email, password, next })
        .expect(303);
      expect(res.headers.location).toBe('/');
    }
  });
});
