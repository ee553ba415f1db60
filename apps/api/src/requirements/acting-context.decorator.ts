import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '@luyue/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import type { ActingContext } from './requirement-actions.service';

const KEY = /^[\w.:-]{1,100}$/;

/** The caller, the request id and an optional `Idempotency-Key`, for an action route. */
export const Acting = createParamDecorator((_: unknown, ctx: ExecutionContext): ActingContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new Error('@Acting() used on a route the AuthGuard did not check');
  const key = req.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) {
    const message = 'Idempotency-Key must be 1–100 letters, digits, dots, colons or dashes';
    throw new DomainError('validation_failed', message, {
      fields: [{ field: 'Idempotency-Key', message }],
    });
  }
  return { actor: req.actor, requestId: req.id ?? null, idempotencyKey: key ?? null };
});
