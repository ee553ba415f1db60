import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import type { ActingContext } from './requirement-actions.service';

/** The caller, the request id and an optional `Idempotency-Key`, for an action route. */
export const Acting = createParamDecorator((_: unknown, ctx: ExecutionContext): ActingContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new Error('@Acting() used on a route the AuthGuard did not check');
  // Checked and bound to the caller and body by the IdempotencyInterceptor before this runs.
  const key = req.headers['idempotency-key'];
  return {
    actor: req.actor,
    requestId: req.id ?? null,
    idempotencyKey: typeof key === 'string' ? key : null,
    createdBefore: req.createdBefore ?? null,
  };
});
