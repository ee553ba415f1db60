import type { Severity } from '@luyue/domain';

/** Workflow type of one report import; one run per import, id from the import id. */
export const SECURITY_IMPORT_WORKFLOW = 'securityImportWorkflow';

export const securityImportWorkflowId = (importId: string): string => `security-import:${importId}`;

export interface SecurityImportInput {
  importId: string;
  /** From when the findings' remediation periods count (the day itself is not counted). */
  anchorAt: string;
  /** The contract's `remediationWorkingDays` when the file was uploaded. */
  remediationWorkingDays: Record<Severity, number>;
}
