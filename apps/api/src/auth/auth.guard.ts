import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, hasAnyRole, type Role } from '@luyue/domain';
import { CSRF_HEADER, CsrfService } from '../console/csrf.service';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './authenticated-request.types';
import { LINK_PURPOSE } from './link-principal.decorator';
import { LinkPrincipalService } from './link-principal.service';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate in front of every route (APP_GUARD): authentication unless @Public() (an email
 * link's token on @LinkPrincipal() routes, a session or bearer token otherwise), then the
 * route's @Roles(). Contract membership is checked by the services (404 for outsiders).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly links: LinkPrincipalService,
    private readonly csrf: CsrfService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const purpose = this.reflector.getAllAndOverride<string | undefined>(LINK_PURPOSE, targets);
    if (purpose) {
      const token = typeof req.params?.token === 'string' ? req.params.token : '';
      const admitted = await this.links.admit(token, purpose, req.id ?? null);
      req.actor = admitted.actor;
      req.link = admitted.link;
      return true;
    }
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    const found = await this.auth.authenticate({
      authorization: req.headers.authorization,
      sessionCookie: cookies?.[SESSION_COOKIE],
    });
    if (!found) throw new DomainError('unauthenticated', 'auth.login_first', {});
    req.actor = found.actor;
    req.sessionId = found.sessionId;
    if (req.headers.authorization === undefined) this.requireCsrfHeader(req);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && !hasAnyRole(found.actor, roles)) {
      throw new DomainError('forbidden', 'auth.needs_role', { roles });
    }
    return true;
  }

  /**
   * A REST write the browser authenticated by the session cookie alone must show the session's
   * CSRF token in a header a cross-site form cannot set. Console forms carry theirs in the body
   * (CsrfGuard); a bearer token is never sent by the browser on its own, so it needs none.
   */
  private requireCsrfHeader(req: AuthenticatedRequest): void {
    if (SAFE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return;
    if (!this.csrf.matches(req.sessionId, req.headers[CSRF_HEADER])) {
      throw new DomainError('csrf_refused', 'auth.csrf_header', { header: CSRF_HEADER });
    }
  }
}
