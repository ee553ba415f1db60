/** Stable error codes; the api maps each to one HTTP status in a single filter. */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'invalid_state'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'idempotency_mismatch'
  | 'quota_exceeded'
  | 'rate_limited'
  | 'token_invalid'
  | 'dependency_unavailable';

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
