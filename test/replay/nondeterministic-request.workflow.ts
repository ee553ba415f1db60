// Test-only: a customizationRequestWorkflow that sleeps before its first schedule, so a recorded
// history (an activity first) must fail to replay against it.
import { sleep } from '@temporalio/workflow';

export async function customizationRequestWorkflow(): Promise<void> {
  await sleep('1 minute');
}
