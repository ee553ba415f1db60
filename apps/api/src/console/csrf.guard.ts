import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { DomainError } from '@luyue/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { checkAfterUpload, readsMultipart } from '../files/after-upload';
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
    const check = (body: Record<string, unknown> | undefined): void => {
      if (!this.csrf.matches(req.sessionId, body?.[CSRF_FIELD])) {
        throw new DomainError('forbidden', 'auth.csrf_form', {});
      }
    };
    // A multipart form is read after the guards run: its upload interceptor checks the token
    // (a hidden field, as in every form; in the URL it would land in request logs) before the
    // handler runs. A route without one never reads the form, so its token is missing: refused.
    const interceptors = Reflect.getMetadata(INTERCEPTORS_METADATA, context.getHandler()) as
      unknown[] | undefined;
    if (req.is('multipart/form-data') && readsMultipart(interceptors)) {
      checkAfterUpload(req, check);
      return true;
    }
    check(req.body as Record<string, unknown> | undefined);
    return true;
  }
}
