import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type DomainErrorCode, isMessageKey } from '@luyue/domain';
// Exhaustive on purpose: a new DomainErrorCode must be listed here to cross the wire.
const CODES: Record<DomainErrorCode, true> = {
  validation_failed: true,
  not_found: true,
  invalid_state: true,
  forbidden: true,
  csrf_refused: true,
  unauthenticated: true,
  conflict: true,
  idempotency_mismatch: true,
  quota_exceeded: true,
  rate_limited: true,
  token_invalid: true,
  dependency_unavailable: true,
  write_refused: true,
  malformed_body: true,
  payload_too_large: true,
  unsupported_media_type: true,
};

const isCode = (type: string | null | undefined): type is DomainErrorCode =>
  typeof type === 'string' && Object.hasOwn(CODES, type);

/**
 * The DomainError a workflow refused an Update with (see `domainFailure`), so the api's error
 * filter answers it like any other: invalid_state and quota_exceeded 409, forbidden 403,
 * validation_failed 400, with the details (currentStatus, allowedActions, remaining…) in the
 * body. A workflow that no longer exists or has ended is `not_found` with `workflowClosed: true`:
 * the caller answers 409 from the row's final status. Null for anything else (rethrow it).
 */
export function domainErrorOf(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && isCode(cause.type)) {
    const details: unknown = cause.details?.[0];
    const said = cause.details?.[1] as { key?: unknown; params?: unknown } | undefined;
    const known = typeof details === 'object' && details !== null;
    const body = known ? (details as Record<string, unknown>) : undefined;
    // The message key and parameters ride in the second detail (see `domainFailure`); a failure
    // from an older run has only its English, kept as it was.
    return isMessageKey(said?.key) && typeof said.params === 'object' && said.params !== null
      ? new DomainError(cause.type, said.key, said.params as never, body)
      : new DomainError(
          cause.type,
          'error.generic',
          { code: cause.type, text: cause.message },
          body,
        );
  }
  // The server is down, stalled or refusing calls, or aborted the Update: the caller may retry
  // (with the same Idempotency-Key a retried action still runs at most once).
  if (
    error instanceof ServiceError ||
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    updateAborted(error)
  ) {
    return new DomainError(
      'dependency_unavailable',
      'workflow.no_answer',
      {},
      {
        dependency: 'temporal',
      },
    );
  }
  if (error instanceof WorkflowNotFoundError) {
    return new DomainError('not_found', 'workflow.closed', {}, { workflowClosed: true });
  }
  return null;
}

/** The server's rejection of an Update the worker was sent but never answered. */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';

/**
 * The server gave up on an Update it had not completed ("workflow update was aborted": the
 * workflow task carrying it failed, or the workflow's cache was reset; or rejected unprocessed:
 * the worker lost its request). Nothing was decided.
 */
export function updateAborted(error: unknown): boolean {
  if (!(error instanceof WorkflowUpdateFailedError || error instanceof ServiceError)) return false;
  const cause: unknown = error.cause;
  if (cause instanceof ApplicationFailure && isCode(cause.type)) return false;
  if (cause instanceof ApplicationFailure && cause.type === UNPROCESSED_UPDATE) return true;
  const text = `${error.message} ${cause instanceof Error ? cause.message : ''}`;
  return /update was aborted/i.test(text);
}
