import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
} from '@temporalio/workflow';
import {
  REMEDIATION_SEVERITIES,
  type ImportSummary,
  type RemediationDueDates,
} from '@luyue/security/definitions';
import type { DeadlineWatchActivities } from '@luyue/temporal/definitions';
import type {
  SecurityImportActivities,
  SecurityImportInput,
  SecurityTaskIssueActivities,
} from '@luyue/security/definitions';
const calendar = proxyActivities<Pick<DeadlineWatchActivities, 'computeDeadline'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

// The heartbeat carries progress and lets a crashed worker's attempt be retried in a minute;
// a few attempts, since each restarts the whole file in one transaction.
const importer = proxyActivities<Pick<SecurityImportActivities, 'importSecurityReport'>>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});
const recorder = proxyActivities<Pick<SecurityImportActivities, 'failSecurityImport'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

// Starting thousands of task workflows takes a while; heartbeats say it is still going. Each
// step may run again harmlessly, but a task that keeps refusing must not retry for ever.
const issuer = proxyActivities<SecurityTaskIssueActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** Imports recorded before tasks had workflows ended after the import; replaying them must. */
const ISSUES_TASKS_PATCH = 'security-import-issues-tasks';

/**
 * One report import, in the worker: the due date of each remediation severity (at most three
 * calendar activities, whatever the file holds), then the import itself. The history stays a
 * few events long for any file size; per-task deadline timers belong to the notice, not here.
 */
export async function securityImportWorkflow(input: SecurityImportInput): Promise<ImportSummary> {
  const dueDates = {} as RemediationDueDates;
  for (const severity of REMEDIATION_SEVERITIES) {
    const { deadline, provisional } = await calendar.computeDeadline({
      receivedAt: input.anchorAt,
      workingDays: input.remediationWorkingDays[severity],
      reminderLeadDays: null,
    });
    dueDates[severity] = { dueAt: deadline, provisional };
  }
  let summary: ImportSummary;
  try {
    summary = await importer.importSecurityReport({ importId: input.importId, dueDates });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // Out of retries: the page must stop waiting and say so; the transaction left nothing.
    const message = error.cause?.message ?? error.message;
    await recorder.failSecurityImport({ importId: input.importId, message });
    throw ApplicationFailure.nonRetryable(`import ${input.importId} failed: ${message}`);
  }
  // Each task then runs its own remediation workflow (deadline timers, fix, retest).
  if (!summary.refused && patched(ISSUES_TASKS_PATCH)) {
    await issuer.issueRemediationTasks({ importId: input.importId });
  }
  return summary;
}
