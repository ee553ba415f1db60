import type { AppConfig } from '@luyue/config';
import { CsrfService } from './csrf.service';

describe('CsrfService', () => {
  const csrf = new CsrfService({ JWT_SECRET: 's'.repeat(32) } as AppConfig);
  const other = new CsrfService({ JWT_SECRET: 't'.repeat(32) } as AppConfig);

  it('accepts the token of the same session only', () => {
    const token = csrf.token('session-a');
    expect(csrf.matches('session-a', token)).toBe(true);
    expect(csrf.matches('session-b', token)).toBe(false);
    expect(other.matches('session-a', token)).toBe(false);
  });

  it('refuses a missing token, a missing session and junk', () => {
    expect(csrf.matches('session-a', undefined)).toBe(false);
    expect(csrf.matches(undefined, csrf.token(undefined))).toBe(false);
    expect(csrf.matches('session-a', ['x'])).toBe(false);
    expect(csrf.matches('session-a', 'short')).toBe(false);
  });
});
