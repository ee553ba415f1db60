import { rmSync } from 'node:fs';
import type { Stack } from '@luyue/devstack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __luyueStack?: Stack }).__luyueStack;
  if (!stack) return;
  await stack.stop();
  if (!process.env.E2E_KEEP_DATA) rmSync(stack.dataDir, { recursive: true, force: true });
}
