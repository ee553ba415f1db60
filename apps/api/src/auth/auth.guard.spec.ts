import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Actor } from '@luyue/domain';
import type { AppConfig } from '@luyue/config';
import { CsrfService } from '../console/csrf.service';
import { AuthGuard } from './auth.guard';
import type { AuthService } from './auth.service';
import type { LinkPrincipalService } from './link-principal.service';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

class Routes {
  @Public() open(): void {}
  plain(): void {}
  @Roles('admin') adminOnly(): void {}
  @Roles('hospital_manager', 'vendor_pm') managers(): void {}
}

const staff: Actor = {
  kind: 'user',
  userId: 'u1',
  email: 'staff@h.example',
  name: 'Staff',
  organizationId: 'org-h',
  party: 'hospital',
  roles: ['hospital_staff'],
};

function context(handler: keyof Routes, headers: Record<string, string> = {}, method = 'GET') {
  const req: Record<string, unknown> = { headers, cookies: {}, method, path: '/api/things' };
  const ctx = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, req };
}

function guard(actor: Actor | null) {
  const auth = {
    authenticate: jest.fn(() => Promise.resolve(actor ? { actor, sessionId: 's1' } : null)),
  };
  // Link routes are covered end to end; here no route is one.
  const links = { admit: jest.fn(() => Promise.reject(new Error('not a link route'))) };
  return {
    guard: new AuthGuard(
      new Reflector(),
      auth as unknown as AuthService,
      links as unknown as LinkPrincipalService,
      new CsrfService({ JWT_SECRET: 'test-secret' } as AppConfig),
    ),
    auth,
  };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('AuthGuard', () => {
  it('lets anyone through a @Public() route without looking at credentials', async () => {
    const { guard: g, auth } = guard(null);
    expect(await code(g.canActivate(context('open').ctx))).toBe('allowed');
    expect(auth.authenticate).not.toHaveBeenCalled();
  });

  it('requires a login everywhere else', async () => {
    expect(await code(guard(null).guard.canActivate(context('plain').ctx))).toBe('unauthenticated');
  });

  it('attaches the actor and session to the request', async () => {
    const { ctx, req } = context('plain', { authorization: 'Bearer t' });
    const { guard: g, auth } = guard(staff);
    expect(await code(g.canActivate(ctx))).toBe('allowed');
    expect(auth.authenticate).toHaveBeenCalledWith({
      authorization: 'Bearer t',
      sessionCookie: undefined,
    });
    expect(req).toMatchObject({ actor: staff, sessionId: 's1' });
  });

  it('refuses a cookie-only REST write without the session CSRF token in its header', async () => {
    const csrf = new CsrfService({ JWT_SECRET: 'test-secret' } as AppConfig);
    const { guard: g } = guard(staff);
    expect(await code(g.canActivate(context('plain', {}, 'POST').ctx))).toBe('csrf_refused');
    const forged = { 'x-csrf-token': csrf.token('another-session') };
    expect(await code(g.canActivate(context('plain', forged, 'DELETE').ctx))).toBe('csrf_refused');
    const right = { 'x-csrf-token': csrf.token('s1') };
    expect(await code(g.canActivate(context('plain', right, 'POST').ctx))).toBe('allowed');
    // A bearer token is never sent by the browser on its own: no CSRF token needed.
    const bearer = { authorization: 'Bearer t' };
    expect(await code(g.canActivate(context('plain', bearer, 'POST').ctx))).toBe('allowed');
    expect(await code(g.canActivate(context('plain', {}, 'GET').ctx))).toBe('allowed');
  });

  it('enforces @Roles(): any one listed role suffices, admin is not implied', async () => {
    expect(await code(guard(staff).guard.canActivate(context('adminOnly').ctx))).toBe('forbidden');
    const manager = { ...staff, roles: ['hospital_manager' as const] };
    expect(await code(guard(manager).guard.canActivate(context('managers').ctx))).toBe('allowed');
    const admin = { ...staff, roles: ['admin' as const] };
    expect(await code(guard(admin).guard.canActivate(context('managers').ctx))).toBe('forbidden');
    expect(await code(guard(admin).guard.canActivate(context('adminOnly').ctx))).toBe('allowed');
  });
});
