import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { domainErrorOf, updateAborted } from './update-failure.mapper';
import { withTimeout } from './update-timeout.util';

/** Tries of an Update the server aborted (its workflow task failed before it was accepted). */
const ABORTED_TRIES = 3;

/**
 * Runs one Update until it completes and answers its result; a refusal throws the workflow's
 * DomainError. The Update keeps one id across tries, so an Update the server aborted is sent
 * again safely (an accepted one is answered, never applied twice); still aborted, or not
 * finished within `timeoutMs`, it is `dependency_unavailable` (503 with Retry-After).
 */
export async function runUpdate<Ret, Args extends unknown[]>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  options: { updateId?: string; timeoutMs?: number } = {},
): Promise<Ret> {
  const updateId = options.updateId ?? randomUUID();
  const attempt = async (): Promise<Ret> => {
    for (let tries = 1; ; tries++) {
      try {
        // The overloads split on arity; one call site covers both.
        const withArgs = update as unknown as UpdateDefinition<Ret, [unknown, ...unknown[]]>;
        const given = args as unknown as [unknown, ...unknown[]];
        return await handle.executeUpdate(withArgs, { args: given, updateId });
      } catch (error) {
        if (tries >= ABORTED_TRIES || !updateAborted(error)) throw error;
      }
    }
  };
  try {
    return await withTimeout(attempt(), updateId, options.timeoutMs);
  } catch (error) {
    throw domainErrorOf(error) ?? error;
  }
}
