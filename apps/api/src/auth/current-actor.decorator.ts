import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import type { AuthenticatedRequest } from './authenticated-request.types';

export type { Actor as CurrentActorType } from '@luyue/domain';

/** The authenticated caller; only on routes that are not @Public(). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('@CurrentActor() used on a route the AuthGuard did not check');
  return actor;
});
