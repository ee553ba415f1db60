import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'luyue:public';

/** Opens a route to anyone: health, calendar look-ups, email-link pages, login. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
