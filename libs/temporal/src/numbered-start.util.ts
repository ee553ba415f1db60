import type { Client } from '@temporalio/client';
import { START_DEADLINE_MS } from './update-timeout.util';

/**
 * Starts the workflow of a numbered record (REQ-…, CHG-…) from inside the transaction that
 * allocated the number and holds the year's counter row, so the start is bounded (a stalled
 * server → 503 and a rollback). A start can still reach the server after that deadline: its
 * workflow then runs without a row, and the number, rolled back, is handed out again. Whoever
 * holds the counter row owns the number, so such a workflow is terminated and replaced.
 */
export async function startNumberedWorkflow(
  client: Client,
  workflowType: string,
  options: { taskQueue: string; workflowId: string; args: unknown[] },
): Promise<void> {
  await client.withDeadline(Date.now() + START_DEADLINE_MS, () =>
    client.workflow.start(workflowType, {
      ...options,
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
    }),
  );
}
