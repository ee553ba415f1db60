import { DomainError } from '@luyue/domain';

/** How long starting a workflow may take before the caller gives up and answers 503. */
export const START_DEADLINE_MS = 10_000;

/** An accepted Update's result, or `dependency_unavailable` once it takes longer than allowed. */
export async function withTimeout<T>(
  result: Promise<T>,
  updateId: string,
  timeoutMs = 20_000,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DomainError(
            'dependency_unavailable',
            'workflow.update_unconfirmed',
            {},
            { updateId },
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([result, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
