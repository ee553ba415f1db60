import { ApplicationFailure } from '@temporalio/workflow';
import type { DomainError } from '@luyue/domain';

/**
 * How a workflow refuses an Update with a domain error: an ApplicationFailure whose `type` is the
 * DomainError code, whose first detail is its details and whose second its message key and
 * parameters. Thrown from a validator it rejects the
 * Update before anything is written (not even to history); thrown from a handler it fails the
 * Update but not the workflow. The api turns it back with `domainErrorOf` (@luyue/temporal).
 */
export function domainFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    // The body's details first (what older readers take), then the message key and parameters.
    details: [error.details ?? {}, { key: error.key, params: error.params }],
    nonRetryable: true,
  });
}
