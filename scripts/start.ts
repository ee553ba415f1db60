// `npm start`: Temporal dev server, PostgreSQL, a mail sink, the worker and the api on this
// machine, with state under .data/ so a second start carries on where the first stopped.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIALS_FILE, seedDemo, type DemoCredential } from './demo-seed';
import {
  findRepoRoot,
  stackDataDir,
  redactUrl,
  renderBox,
  startStack,
  type Stack,
} from '@luyue/devstack';
import { PRODUCT_TITLE } from '@luyue/domain';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name}=${raw} is not a port number (0 picks a free one)`);
  }
  return port;
}

/** The demo logins of the first start (the file the seed wrote), for the ready box. */
function demoLogins(dataDir: string): string[] {
  const file = join(dataDir, DEMO_CREDENTIALS_FILE);
  try {
    const logins = JSON.parse(readFileSync(file, 'utf8')) as DemoCredential[];
    return [
      `Demo logins (also in ${file}):`,
      ...logins.map((c) => `  ${c.role.padEnd(17)} ${c.email.padEnd(34)} ${c.password}`),
    ];
  } catch {
    return [];
  }
}

function summary(stack: Stack): string {
  const env = process.env;
  return renderBox(
    `${PRODUCT_TITLE} is running`,
    [
      ['Console', `${stack.urls.api}/`],
      ['API', stack.urls.api],
      ['OpenAPI docs', stack.urls.docs],
      ['Temporal UI', stack.urls.temporalUi],
      ['Mail', stack.urls.mailUi],
      ['Temporal', stack.urls.temporalAddress],
      ['PostgreSQL', env.DATABASE_URL ? redactUrl(stack.urls.databaseUrl) : stack.urls.databaseUrl],
      ['SMTP', env.SMTP_URL ? redactUrl(stack.urls.smtpUrl) : stack.urls.smtpUrl],
      ['Data', stack.dataDir],
      ['Secrets', stack.secretsFile],
    ],
    [
      ...demoLogins(stack.dataDir),
      '',
      `Open ${stack.urls.api}/ and log in; mails sent by luyue appear on ${stack.urls.mailUi}.`,
      'Ctrl-C stops everything; the data folder is reused by the next start.',
    ],
  );
}

async function main(): Promise<number> {
  const root = findRepoRoot();
  const dataDir = stackDataDir(process.env, root);
  const ports = {
    api: portFromEnv('PORT', 3000),
    temporal: portFromEnv('TEMPORAL_PORT', 7233),
    temporalUi: portFromEnv('TEMPORAL_UI_PORT', 8233),
    postgres: portFromEnv('PG_PORT', 5433),
    smtp: portFromEnv('SMTP_PORT', 1025),
    mailUi: portFromEnv('MAIL_UI_PORT', 8025),
  };

  // A signal during start-up cancels it (startStack stops what it started); afterwards it
  // stops the running stack. Either way the children are stopped in order before we exit.
  const cancel = new AbortController();
  let requestStop: (code: number) => void = () => undefined;
  const stopRequested = new Promise<number>((done) => (requestStop = done));
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals === 1) {
      log(`[start] ${signal}: stopping everything…`);
      cancel.abort();
      requestStop(0);
    } else if (signals === 2) {
      log('[start] still stopping; send it once more to exit at once (children get SIGTERM)');
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let stack: Stack;
  try {
    stack = await startStack({
      dataDir,
      ports,
      // The demo contract and users, on the embedded database only and only on the first start.
      afterMigrate: process.env.DATABASE_URL ? undefined : (url) => seedDemo(url, dataDir, log),
      env: process.env,
      startApps: true,
      log,
      signal: cancel.signal,
      root,
    });
  } catch (error) {
    if (cancel.signal.aborted) {
      log('[start] stopped');
      return 0;
    }
    log(`[start] failed: ${(error as Error).message}`);
    return 1;
  }
  if (!cancel.signal.aborted) log(summary(stack));

  // An app that dies is restarted by the stack; only Ctrl-C or SIGTERM ends the run.
  const code = await stopRequested;
  await stack.stop();
  log('[start] stopped');
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`[start] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
