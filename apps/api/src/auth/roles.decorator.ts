import { SetMetadata } from '@nestjs/common';
import type { Role } from '@luyue/domain';

export const ROLES_KEY = 'luyue:roles';

/** The caller needs at least one of these roles; enforced by the global AuthGuard. */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
