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
        url: redactedUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' },
  },
});

// A live email link carries its signed token in the path: whoever reads the logs must not be
// able to reply with it.
const LINK_TOKEN_PATH = /^(\/change-replies\/)[^/?#]+/;
const TOKEN_PARAM = /([?&](?:token|_?link|_csrf)=)[^&#]*/gi;

/** The url as logged: link tokens (in the path or a query parameter) replaced by `[redacted]`. */
export function redactedUrl(url: string): string {
  return url.replace(LINK_TOKEN_PATH, '$1[redacted]').replace(TOKEN_PARAM, '$1[redacted]');
}

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
