import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';

/** JSON request logs; each request carries an id (taken from X-Request-Id or made) echoed back. */
export const apiLoggerOptions = (): Params => ({
  pinoHttp: {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { app: 'api' },
    genReqId: requestIdOf,
    // Method, url and status are enough per request; headers may hold credentials.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' },
  },
});

/**
 * The request's id: the caller's `X-Request-Id` when it is sane, else a new one; echoed in the
 * response. Also used by the error filter for a request refused before the logger saw it (a body
 * the parser rejected).
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
