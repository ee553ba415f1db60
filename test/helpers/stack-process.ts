import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { StackUrls } from '@luyue/devstack';

export interface StackProcess {
  urls: StackUrls;
  dataDir: string;
  /** Stops the stack in order and waits until its process is gone. */
  stop(): Promise<void>;
}

/** Starts an embedded stack on free ports in `dataDir` (seeded with the demo users if asked). */
export function startStackProcess(dataDir: string, seed: boolean): Promise<StackProcess> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'stack-process.child.js'), dataDir, seed ? 'seed' : ''],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log = `${log}${d.toString()}`.slice(-20_000)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      const ready = JSON.parse(out.split('\n')[0]) as { urls: StackUrls; dataDir: string };
      resolve({
        ...ready,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`the private stack exited during start-up:\n${log}`)));
  });
}
