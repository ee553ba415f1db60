// Starts the real stack once for all e2e files: Temporal dev server, embedded PostgreSQL, the SMTP
// sink, and the compiled api and worker, in a fresh data folder. Jest does not apply
// moduleNameMapper here, so the compiled devstack is loaded (`npm run test:e2e` builds first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from '@luyue/devstack';
import { E2E_STACK_FILE_ENV, type E2eStackInfo } from './e2e-stack.info';

const ROOT = join(__dirname, '..', '..');

export default async function globalSetup(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const devstack = require(
    join(ROOT, 'dist/libs/devstack/src/index.js'),
  ) as typeof import('@luyue/devstack');
  const dataDir = mkdtempSync(join(tmpdir(), 'luyue-e2e-'));
  const lines: string[] = [];
  // The e2e stack is always the embedded one.
  const env = devstack.privateStackEnv(process.env, process.env.E2E_LOG_LEVEL ?? 'warn');
  let stack: Stack;
  try {
    stack = await devstack.startStack({
      dataDir,
      ports: {},
      env,
      startApps: true,
      temporalHeadless: true,
      log: (line: string) => {
        lines.push(line);
        if (process.env.E2E_VERBOSE) process.stdout.write(`${line}\n`);
      },
      afterMigrate: seedHook(dataDir),
    });
  } catch (err) {
    process.stderr.write(
      `\n[e2e] stack failed to start; its log:\n${lines.slice(-80).join('\n')}\n`,
    );
    throw err;
  }
  const info: E2eStackInfo = {
    api: stack.urls.api,
    mail: stack.urls.mailUi!,
    databaseUrl: stack.urls.databaseUrl,
    temporalAddress: stack.urls.temporalAddress,
    dataDir,
    env: Object.fromEntries(
      Object.entries(stack.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
  const file = join(dataDir, 'e2e-stack.json');
  writeFileSync(file, JSON.stringify(info, null, 2));
  process.env[E2E_STACK_FILE_ENV] = file;
  (globalThis as { __luyueStack?: Stack }).__luyueStack = stack;
}

/** The compiled demo seed: demo users land in <dataDir>/demo-credentials.json. */
function seedHook(dataDir: string): (databaseUrl: string) => Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { seedDemo } = require(
    join(ROOT, 'dist/scripts/demo-seed.js'),
  ) as typeof import('../../scripts/demo-seed');
  return (databaseUrl) => seedDemo(databaseUrl, dataDir, () => undefined);
}
