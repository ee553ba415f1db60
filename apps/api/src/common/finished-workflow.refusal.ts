import { DomainError } from '@luyue/domain';

/**
 * A finished workflow takes no more Updates (Temporal answers not found); the caller is told
 * what any late step is told, from the stored final status: 409 with nothing possible. Any
 * other error comes back as it was.
 */
export function refusalWhenFinished(
  error: unknown,
  subject: string,
  action: string,
  status: string,
): unknown {
  const finished =
    error instanceof DomainError &&
    error.code === 'not_found' &&
    error.details?.workflowClosed === true;
  if (!finished) return error;
  return new DomainError(
    'invalid_state',
    'action.not_now',
    { id: subject, status, action },
    {
      action,
      currentStatus: status,
      allowedActions: [],
    },
  );
}
