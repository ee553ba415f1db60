import { workflowInfo } from '@temporalio/workflow';

/** Sign-off reminders repeat while the hospital waits: a run hands over before its history grows. */
export const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;

/** Runs recorded before continue-as-new existed never continued; replaying them must not either. */
export const CONTINUE_AS_NEW_PATCH = 'customization-request-continue-as-new';

/** The server suggests it (history size or count), or the run passed `limit` events. */
export function historyTooLong(limit = CONTINUE_AS_NEW_AFTER_EVENTS): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= limit;
}
