import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Role } from '@luyue/domain';
import { ApiErrors } from '../common/api-errors.decorator';

export const ROLES_KEY = 'luyue:roles';

/** The caller needs at least one of these roles; enforced by the global AuthGuard (else 403). */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiErrors({ 403: true }));
