import request from 'supertest';
import { e2eStack } from '../helpers/e2e-stack';

describe('security headers on a console page', () => {
  it('sends a strict Content-Security-Policy and helmet’s headers with the login page', async () => {
    const page = await request(e2eStack().api).get('/login').expect(200);
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-powered-by']).toBeUndefined();
  });
});
