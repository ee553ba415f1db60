import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, LinkTokenPayload } from '@luyue/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';

/** Who acts, and the keys that make a retried HTTP request harmless. */
export interface ActingContext {
  actor: Actor;
  requestId: string | null;
  /** `Idempotency-Key`, already bound to this caller and body at the HTTP edge. */
  idempotencyKey: string | null;
  /** On a keyed creation: what an earlier try with this key committed before its answer was lost. */
  createdBefore?: string | null;
  /** The email link the actor came with: it may act only on the link's own item. */
  link?: LinkTokenPayload | null;
}

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
