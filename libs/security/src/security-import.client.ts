import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  SECURITY_IMPORT_WORKFLOW,
  securityImportWorkflowId,
  type SecurityImportInput,
} from './security-import.definitions';

/** Starts an import's workflow; a second start of the same import is a no-op. */
export async function startSecurityImport(
  client: Client,
  taskQueue: string,
  input: SecurityImportInput,
): Promise<void> {
  try {
    await client.workflow.start(SECURITY_IMPORT_WORKFLOW, {
      taskQueue,
      workflowId: securityImportWorkflowId(input.importId),
      args: [input],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
