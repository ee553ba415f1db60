import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  sleep,
} from '@temporalio/workflow';
import { DomainError } from '@luyue/domain';
import { WRITE_REFUSED_FAILURE, domainFailure } from '@luyue/temporal/definitions';
// Retried until the database answers: the workflow is the authority and must persist.
export const STEP_RETRY = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  backoffCoefficient: 2,
} as const;

/**
 * Writes run in activity tasks of their own from this code on. A local activity runs inside the
 * workflow task, so a task that then fails (worker lost or overloaded, task timed out) leaves a
 * write that history never recorded, and its retry may take another path (another Update first)
 * past the phantom row. An activity task exists only once the task that scheduled it completed,
 * and its result is in history: the database holds exactly what history says.
 */
export const COMMITTED_WRITES_PATCH = 'writes-in-activity-tasks';

export interface StepProxies<A> {
  /** Reads and computations: no side effect, so a lost workflow task loses nothing. */
  local: A;
  remote: A;
}

export function stepProxies<A extends object>(): StepProxies<A> {
  const options = { startToCloseTimeout: '30 seconds', retry: STEP_RETRY } as const;
  // Called as the plain functions they stand for (their `executeWithOptions` is not used).
  return {
    local: proxyLocalActivities<A>(options) as unknown as A,
    remote: proxyActivities<A>(options) as unknown as A,
  };
}

/** Where a write runs: its own activity task, or as the run's recorded history did before. */
export function writeSteps<A>(steps: StepProxies<A>, recordedBefore: () => A): A {
  return patched(COMMITTED_WRITES_PATCH) ? steps.remote : recordedBefore();
}

function writeRefused(error: unknown): boolean {
  return (
    error instanceof ActivityFailure &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === WRITE_REFUSED_FAILURE
  );
}

/**
 * An action's write. One the database refuses for good (see the worker's activity interceptor)
 * refuses the Update: nothing was written, the state stays, the item takes its next step.
 */
export async function actionWrite<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!writeRefused(error)) throw error;
    const { sqlState } = ((error as ActivityFailure).cause as ApplicationFailure).details?.[0] as {
      sqlState?: string;
    };
    throw domainFailure(
      new DomainError(
        'write_refused',
        'database.write_refused',
        {},
        { sqlState: sqlState ?? null },
      ),
    );
  }
}

/**
 * The workflow's own event (a timer, a schedule) cannot be refused to anyone: a write the
 * database refuses is tried again hourly, so a fix can be deployed without losing the event.
 */
export async function eventWrite<T>(write: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!writeRefused(error)) throw error;
      await sleep('1 hour');
    }
  }
}

export const nowIso = (): string => new Date(Date.now()).toISOString();
