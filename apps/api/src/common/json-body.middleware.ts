import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, validationFailed } from '@luyue/domain';
import { unstorableInBody } from './json-body.checks';

/** Bodies the REST api reads: JSON, and multipart for file uploads. */
const ACCEPTED = ['application/json', 'multipart/form-data'];

/**
 * A body of another type would reach the route empty and fail as missing fields; say what is
 * wrong instead (415). A JSON body that nests absurdly deep or holds text PostgreSQL cannot
 * store is refused here (400, naming the field), before any route or validator walks it.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !ACCEPTED.some((type) => req.is(type))) {
      throw new DomainError(
        'unsupported_media_type',
        'body.content_type',
        { accepted: ACCEPTED },
        { accepted: ACCEPTED },
      );
    }
    const problem = unstorableInBody(req.body);
    if (problem) throw validationFailed([problem]);
    next();
  }
}
