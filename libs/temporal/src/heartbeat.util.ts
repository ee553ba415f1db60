import { Context } from '@temporalio/activity';

/** Reports progress of a long activity; outside one (a unit test) there is nothing to tell. */
export function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Not inside an activity.
  }
}

/**
 * The current activity's heartbeat, captured now, for callbacks that run outside the activity's
 * context (messages of a worker thread); outside an activity, a no-op.
 */
export function heartbeater(): (details: unknown) => void {
  try {
    const context = Context.current();
    return (details) => context.heartbeat(details);
  } catch {
    return () => undefined;
  }
}
