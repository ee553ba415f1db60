// Starts the real stack once for all e2e files: Temporal dev server, embedded PostgreSQL, the SMTP
// sink, and the compiled api and worker, in a fresh data folder (`npm run test:e2e` builds first).
import type { Stack } from '@luyue/devstack';
import { startPrivateStack } from './private-stack';

export default async function globalSetup(): Promise<void> {
  const stack = await startPrivateStack('e2e');
  (globalThis as { __luyueStack?: Stack }).__luyueStack = stack;
}
