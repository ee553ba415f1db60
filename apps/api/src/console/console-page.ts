import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import type { CookieOptions, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';

/**
 * What a console page reads from its request and may set on its answer, without the HTTP
 * objects: the services build pages from this, the controllers and the kit hold `req`/`res`.
 */
export interface PageRequest {
  actor: Actor;
  requestId: string | null;
  query: Record<string, unknown>;
  path: string;
  sessionId: string | undefined;
  cookies: Record<string, string | undefined>;
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
}

/** The page request of an authenticated console route. */
export function pageRequestOf(req: Request, res: Response, actor?: Actor): PageRequest {
  const authed = req as AuthenticatedRequest;
  const who = actor ?? authed.actor;
  if (!who) throw new Error('a console page on a route the AuthGuard did not check');
  return {
    actor: who,
    requestId: ((req as Request & { id?: unknown }).id as string | undefined) ?? null,
    query: req.query,
    path: req.path,
    sessionId: authed.sessionId,
    cookies: (req.cookies ?? {}) as Record<string, string | undefined>,
    setCookie: (name, value, options) => void res.cookie(name, value, options),
    clearCookie: (name, options) => void res.clearCookie(name, options),
  };
}

/** The caller's page request: who asks, the query, the cookies, and the cookies to set. */
export const Page = createParamDecorator((_: unknown, ctx: ExecutionContext): PageRequest => {
  const http = ctx.switchToHttp();
  return pageRequestOf(http.getRequest<Request>(), http.getResponse<Response>());
});
