// Container health check of a worker (docker/compose.yaml): exit 0 while some worker polls the
// task queue, 1 otherwise. Temporal knows pollers per queue, not per process: with one worker
// container this is that worker.
import { Connection } from '@temporalio/client';
import { countLivePollers } from '@luyue/temporal';

async function main(): Promise<number> {
  const env = process.env;
  const connection = await Connection.connect({
    address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    connectTimeout: '3s',
  });
  try {
    const pollers = await countLivePollers(
      connection.workflowService,
      env.TEMPORAL_NAMESPACE ?? 'default',
      env.TEMPORAL_TASK_QUEUE ?? 'luyue',
    );
    if (pollers === 0) console.error('no worker polls the task queue');
    return pollers > 0 ? 0 : 1;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
