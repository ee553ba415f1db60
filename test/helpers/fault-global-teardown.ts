import type { Server } from 'node:http';
import stopStack from './e2e-global-teardown';

export default async function globalTeardown(): Promise<void> {
  const control = (globalThis as { __luyueControl?: Server }).__luyueControl;
  await new Promise((resolve) => (control ? control.close(resolve) : resolve(undefined)));
  await stopStack();
}
