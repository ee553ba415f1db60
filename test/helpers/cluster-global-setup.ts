// The cluster tier's own stack: two api and two worker processes on one Temporal dev server,
// one PostgreSQL and one SMTP sink, since it kills an api and a worker. The processes are
// killed by their pid files (<dataDir>/run/api-2.pid, worker-2.pid).
import type { Stack } from '@luyue/devstack';
import { startPrivateStack } from './private-stack';

export default async function globalSetup(): Promise<void> {
  const stack = await startPrivateStack('cluster', async () => ({}), {
    apiCount: 2,
    workerCount: 2,
  });
  (globalThis as { __luyueStack?: Stack }).__luyueStack = stack;
}
