/** Stable error codes; the api maps each to one HTTP status in a single filter. */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'invalid_state'
  | 'forbidden'
  // A cookie-authenticated write without the session's CSRF token.
  | 'csrf_refused'
  | 'unauthenticated'
  | 'conflict'
  | 'idempotency_mismatch'
  | 'quota_exceeded'
  | 'rate_limited'
  | 'token_invalid'
  | 'dependency_unavailable'
  // The database refused to store what was sent (a data or constraint error retrying cannot cure).
  | 'write_refused'
  // Refused at the HTTP edge before any route ran.
  | 'malformed_body'
  | 'payload_too_large'
  | 'unsupported_media_type';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** One field's problem, as every `validation_failed` names them (`error.fields`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one shape of a validation failure, from the HTTP edge or from a workflow's validator. */
export function validationFailed(fields: FieldProblem[]): DomainError {
  return new DomainError(
    'validation_failed',
    fields.map((f) => `${f.field}: ${f.message}`).join('; '),
    { fields },
  );
}
