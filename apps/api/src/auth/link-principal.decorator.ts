import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { Actor, LinkTokenPayload } from '@luyue/domain';
import type { AuthenticatedRequest } from './authenticated-request.types';
import { ApiExtension, ApiParam } from '@nestjs/swagger';

export const LINK_PURPOSE = 'luyue:link-purpose';

/**
 * The route's caller is the email link in its `:token` parameter: the AuthGuard admits it as a
 * principal limited to the link's item, party and purpose (no login needed).
 */
export const LinkPrincipal = (purpose: string): MethodDecorator =>
  applyDecorators(
    SetMetadata(LINK_PURPOSE, purpose),
    ApiExtension('x-luyue-link-purpose', purpose),
    ApiParam({ name: 'token', description: 'The signed single-use token from the email link' }),
  );

/** The admitted email link and its recipient as the actor, on a @LinkPrincipal() route. */
export const AdmittedLink = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): { actor: Actor; link: LinkTokenPayload } => {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!req.actor || !req.link) {
      throw new Error('@AdmittedLink() used on a route without @LinkPrincipal()');
    }
    return { actor: req.actor, link: req.link };
  },
);
