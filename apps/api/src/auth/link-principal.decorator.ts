import { applyDecorators, SetMetadata } from '@nestjs/common';
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
