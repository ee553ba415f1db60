import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@luyue/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { CSRF_FIELD, CsrfService } from './csrf.service';

/**
 * On every console controller, after the AuthGuard: a state-changing form must carry the token
 * of the session it was rendered for (SameSite alone does not stop a same-site forgery).
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly csrf: CsrfService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    // A multipart body is read after the guards run, so its form carries the token in its URL.
    const body = req.is('multipart/form-data')
      ? (req.query as Record<string, unknown>)
      : (req.body as Record<string, unknown> | undefined);
    if (!this.csrf.matches(req.sessionId, body?.[CSRF_FIELD])) {
      throw new DomainError('forbidden', '表单已过期或来源不明，请刷新页面后重试。');
    }
    return true;
  }
}
