// The fault tier's own stack, since its faults would break the shared e2e stack. Test files run
// in another module realm than this setup, so they reach the SMTP sink's stop and start through
// a loopback endpoint; the processes they kill or stop themselves by pid.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stack } from '@luyue/devstack';
import { startPrivateStack } from './private-stack';

export default async function globalSetup(): Promise<void> {
  let control: Server | undefined;
  const stack = await startPrivateStack('fault', async (started) => {
    control = await startControl(started);
    return { control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` };
  });
  Object.assign(globalThis as object, { __luyueStack: stack, __luyueControl: control });
}

function startControl(stack: Stack): Promise<Server> {
  const server = createServer((req, res) => {
    const mail = stack.mail;
    const actions: Record<string, () => Promise<void>> = {
      '/mail/stop': () => mail!.stop(),
      '/mail/start': () => mail!.start(),
    };
    const action = req.method === 'POST' && mail ? actions[req.url ?? ''] : undefined;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    action().then(
      () => res.writeHead(204).end(),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
