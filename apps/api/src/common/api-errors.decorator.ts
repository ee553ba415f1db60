import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiResponse,
  getSchemaPath,
  type ApiResponseOptions,
  type ResponseObject,
} from '@nestjs/swagger';
import { ErrorEnvelopeDto } from './error-envelope.dto';
import { codesOfStatus } from './error-status.table';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/** What each status means when a route says nothing more particular. */
const MEANING: Record<ErrorStatus, string> = {
  400: 'The request is invalid: malformed JSON, or `fields` names each field and its problem',
  401: 'Not logged in, or the session has ended',
  403: 'Not a role (of your party) that may do this',
  404: 'No such thing, or not in a contract you are party to',
  409: 'Not possible in the current state',
  410: 'The link has expired or was used already',
  413: 'The body or a file is larger than this server accepts',
  415: 'A body of a type this route does not read (JSON, or multipart for uploads)',
  422: 'The Idempotency-Key was used with another body, or the input could not be stored',
  429: 'Too many attempts; `Retry-After` says when to try again',
  503: 'A dependency (PostgreSQL, Temporal) is unavailable; retry after `Retry-After` seconds',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
};

/** The response object of one error status: the envelope, its codes for that status. */
export function errorResponse(status: ErrorStatus, description?: string): ResponseObject {
  return {
    description: description ?? MEANING[status],
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: {
      'application/json': {
        schema: {
          allOf: [{ $ref: getSchemaPath(ErrorEnvelopeDto) }],
          properties: {
            error: { properties: { code: { type: 'string', enum: codesOfStatus(status) } } },
          },
        },
      },
    },
  };
}

/**
 * Documents error answers in the envelope, JSON whatever the route's success type:
 * `@ApiErrors({ 404: 'No such request…', 409: true })` (true: the status's usual meaning).
 */
export function ApiErrors(spec: Partial<Record<ErrorStatus, string | true>>) {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto),
    ...Object.entries(spec).map(([status, text]) => {
      const code = Number(status) as ErrorStatus;
      const { description, ...rest } = errorResponse(code, text === true ? undefined : text);
      return ApiResponse({ status: code, description, ...rest });
    }),
  );
}

/** Answers any route may give, at the HTTP edge before it runs or from a dependency. */
export const EDGE_ERRORS: ApiResponseOptions[] = ([400, 413, 415, 503] as const).map((status) => ({
  status,
  ...errorResponse(status),
}));
