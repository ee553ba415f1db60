import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const ALLOWED = METHODS.join(', ');
const KNOWN: ReadonlySet<string> = new Set(METHODS);

/**
 * Any other method Node parses (TRACE, CONNECT, QUERY, PROPFIND, ...) is not one of this api's:
 * 405 with `Allow`, in the one error envelope, before any route is looked up (a 404 would say
 * the path does not exist).
 */
export function refuseOtherMethods(req: Request, res: Response, next: NextFunction): void {
  if (KNOWN.has(req.method)) {
    next();
    return;
  }
  // Before the request logger has given it an id: one of its own, as the header says.
  const requestId = randomUUID();
  res
    .status(405)
    .setHeader('Allow', ALLOWED)
    .setHeader('X-Request-Id', requestId)
    .json({
      error: { code: 'method_not_allowed', message: `${req.method} is not supported` },
      requestId,
    });
}
