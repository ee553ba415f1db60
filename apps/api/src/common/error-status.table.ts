import { HttpStatus } from '@nestjs/common';
import type { DomainErrorCode } from '@luyue/domain';

/** Each domain error code answers one HTTP status (the filter and the OpenAPI document read it). */
export const STATUS_BY_CODE: Readonly<Record<DomainErrorCode, number>> = {
  validation_failed: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  csrf_refused: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  invalid_state: HttpStatus.CONFLICT,
  conflict: HttpStatus.CONFLICT,
  idempotency_mismatch: HttpStatus.UNPROCESSABLE_ENTITY,
  quota_exceeded: HttpStatus.CONFLICT,
  token_invalid: HttpStatus.GONE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  dependency_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  write_refused: HttpStatus.UNPROCESSABLE_ENTITY,
  malformed_body: HttpStatus.BAD_REQUEST,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

/** The code of an HttpException thrown by Nest itself (unknown route, ...), by its status. */
export const CODE_BY_STATUS: Readonly<Record<number, DomainErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** An HttpException of another status. */
export const FALLBACK_CODE = 'error';

/** Every code a status may carry in the envelope. */
export function codesOfStatus(status: number): string[] {
  const codes = Object.entries(STATUS_BY_CODE)
    .filter(([, s]) => s === status)
    .map(([code]) => code);
  const fromNest = CODE_BY_STATUS[status];
  if (fromNest && !codes.includes(fromNest)) codes.push(fromNest);
  return codes.length > 0 ? codes : [FALLBACK_CODE];
}
