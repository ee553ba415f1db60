import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The request id pino-http assigned (echoed as X-Request-Id), for audit events. */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null =>
    (ctx.switchToHttp().getRequest<Request & { id?: unknown }>().id as string | undefined) ?? null,
);
