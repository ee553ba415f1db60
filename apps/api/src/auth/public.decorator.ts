import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'luyue:public';

/** Marks public operations in the OpenAPI document too, so tests can check all the others. */
export const OPENAPI_PUBLIC_EXTENSION = 'x-luyue-public';

/** Opens a route to anyone: health, calendar look-ups, email-link pages, login. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC_EXTENSION, true));
