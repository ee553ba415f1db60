import { Context } from '@temporalio/activity';

/** Reports progress of a long activity; outside one (a unit test) there is nothing to tell. */
export function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Not inside an activity.
  }
}
