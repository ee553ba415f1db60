// A throw-away embedded stack (Temporal dev server, PostgreSQL, the SMTP sink, the compiled api
// and worker) in a fresh data folder, seeded with the demo users, and described in a file the
// e2e helpers (e2eStack, login, withDb, receivedMail) read. The compiled devstack is loaded,
// since Jest's global setup does not apply moduleNameMapper (`npm test` builds first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from '@luyue/devstack';
import { E2E_STACK_FILE_ENV, type E2eStackInfo } from './e2e-stack.info';

const ROOT = join(__dirname, '..', '..');

/** Starts the stack; `extra` adds to what the helpers read from LUYUE_E2E_STACK_FILE;
 * `apps` asks for several api or worker processes. */
export async function startPrivateStack(
  tier: string,
  extra: (stack: Stack) => Promise<Partial<E2eStackInfo>> = async () => ({}),
  apps: { apiCount?: number; workerCount?: number } = {},
): Promise<Stack> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const devstack = require(
    join(ROOT, 'dist/libs/devstack/src/index.js'),
  ) as typeof import('@luyue/devstack');
  const dataDir = mkdtempSync(join(tmpdir(), `luyue-${tier}-`));
  const lines: string[] = [];
  // Always the embedded stack, whatever the shell points at.
  const env = devstack.privateStackEnv(process.env, process.env.E2E_LOG_LEVEL ?? 'warn');
  let stack: Stack;
  try {
    stack = await devstack.startStack({
      dataDir,
      ports: {},
      env,
      startApps: true,
      ...apps,
      temporalHeadless: true,
      log: (line: string) => {
        lines.push(line);
        if (lines.length > 500) lines.shift();
        if (process.env.E2E_VERBOSE) process.stdout.write(`${line}\n`);
      },
      afterMigrate: seedHook(dataDir),
    });
  } catch (err) {
    process.stderr.write(
      `\n[${tier}] stack failed to start; its log:\n${lines.slice(-80).join('\n')}\n`,
    );
    throw err;
  }
  const more = await extra(stack).catch(async (err: unknown) => {
    await stack.stop();
    throw err;
  });
  const info: E2eStackInfo = {
    ...more,
    api: stack.urls.api,
    apis: stack.urls.apis,
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
  return stack;
}

/** The compiled demo seed: demo users land in <dataDir>/demo-credentials.json. */
function seedHook(dataDir: string): (databaseUrl: string) => Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { seedDemo } = require(
    join(ROOT, 'dist/scripts/demo-seed.js'),
  ) as typeof import('../../scripts/demo-seed');
  return (databaseUrl) => seedDemo(databaseUrl, dataDir, () => undefined);
}
