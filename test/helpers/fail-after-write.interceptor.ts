// Workflow-side fault for the workflow tier: right after a persist step returns, the workflow task
// fails (as when a worker is lost before it completes the task) when the test's probe says so.
// The probe is a local activity, so its answer lives in the test process, not in the sandbox.
import {
  proxyLocalActivities,
  type ActivityInput,
  type LocalActivityInput,
  type Next,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

export interface WriteFaultProbe {
  failTaskAfterWrite(activityType: string, action: string): Promise<boolean>;
}

const probe = proxyLocalActivities<WriteFaultProbe>({ startToCloseTimeout: '10 seconds' });

async function afterWrite(input: ActivityInput | LocalActivityInput, result: unknown) {
  const action = (input.args[0] as { action?: unknown } | undefined)?.action;
  if (!input.activityType.startsWith('persist') || typeof action !== 'string') return result;
  if (await probe.failTaskAfterWrite(input.activityType, action)) {
    throw new Error(`injected: the workflow task fails right after the ${action} write`);
  }
  return result;
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      async scheduleActivity(
        input: ActivityInput,
        next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>,
      ) {
        return afterWrite(input, await next(input));
      },
      async scheduleLocalActivity(
        input: LocalActivityInput,
        next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>,
      ) {
        return afterWrite(input, await next(input));
      },
    },
  ],
});
