import type { ImportSummary, RemediationDueDates } from './security-notice.types';

/** Activity contract of a report import; implemented by the worker. */
export interface SecurityImportActivities {
  /**
   * Streams the stored file through the parser into the notice: staged in batches and merged in
   * one transaction, so a file refused late leaves nothing, and a retried attempt starts over.
   * A refused file is an outcome (status refused), not a failure; heartbeats carry progress.
   */
  importSecurityReport(input: {
    importId: string;
    dueDates: RemediationDueDates;
  }): Promise<ImportSummary>;
  /** The import gave up after its retries: status failed with the reason, nothing stored. */
  failSecurityImport(input: { importId: string; message: string }): Promise<void>;
}
