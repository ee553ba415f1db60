import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { SESSION_COOKIE } from './session-cookie';

/**
 * OpenAPI face of the AuthGuard on a route that is not @Public(): a bearer token or the session
 * cookie, 401 without either.
 */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBearerAuth(), ApiCookieAuth(SESSION_COOKIE), ApiErrors({ 401: true }));
