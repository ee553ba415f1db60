import type { WorkflowService } from '@temporalio/client';

/** temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW. */
const WORKFLOW_TASK_QUEUE = 1;

/**
 * Workers polling the task queue for workflow tasks lately: a poll is held open up to a
 * minute, so a poller seen within the last 90 s is alive.
 */
export async function countLivePollers(
  service: WorkflowService,
  namespace: string,
  taskQueue: string,
): Promise<number> {
  const { pollers } = await service.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: WORKFLOW_TASK_QUEUE,
  });
  const since = Date.now() - 90_000;
  return (pollers ?? []).filter((p) => Number(p.lastAccessTime?.seconds ?? 0) * 1000 >= since)
    .length;
}
