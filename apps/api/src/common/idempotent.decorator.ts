import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrors } from './api-errors.decorator';

export const IDEMPOTENT = 'luyue:idempotent';

/** What an `Idempotency-Key` may be (checked by the interceptor, stated in the document). */
export const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

/**
 * The route honours `Idempotency-Key`: the same key from the same caller with the same body
 * answers the first answer again; the key reused by another caller or for another route is 409,
 * with another body 422.
 */
export function Idempotent() {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
      description:
        'Repeat a request with the same key (yours, same body) and it runs once, answering the first answer again',
    }),
    ApiErrors({
      409: 'The Idempotency-Key was used by another caller or on another route, or its first request is still running',
      422: 'idempotency_mismatch: the Idempotency-Key was used with another body; write_refused: the database could not store what was sent, nothing changed',
    }),
  );
}
