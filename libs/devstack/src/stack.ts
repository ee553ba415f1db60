import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startChild, type ChildExit, type ChildHandle } from './child-process.runner';
import { loadOrCreateDevSecrets, DEV_SECRET_NAMES } from './dev-secrets.util';
import { startEmbeddedPostgres } from './embedded-postgres.launcher';
import { waitForHttpOk } from './http-health.probe';
import { stdoutLog, type LogFn } from './log.types';
import { assertPortFree, LOOPBACK, portOrFree } from './ports.util';
import { reapStaleProcess } from './process-liveness.util';
import { findRepoRoot } from './repo-root.util';
import { startSmtpSink, type SmtpSink } from './smtp-sink.server';
import { redactUrl } from './stack-summary.formatter';
import { startTemporalDevServer } from './temporal-dev-server.launcher';

/** Each port: a number to use, or 0 / absent for a free one. */
export interface StackPorts {
  api?: number;
  temporal?: number;
  temporalUi?: number;
  postgres?: number;
  smtp?: number;
  mailUi?: number;
}

export interface StackOptions {
  /** Everything that must survive a restart: Temporal's SQLite file, the PostgreSQL cluster,
   * received mail, generated dev secrets, pid files. */
  dataDir: string;
  ports?: StackPorts;
  /** TEMPORAL_ADDRESS / DATABASE_URL / SMTP_URL here mean "use that, start nothing";
   * the apps get this env with the resolved values merged over it. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Spawn the compiled api and worker (dist/) and wait for GET /health. */
  startApps?: boolean;
  log?: LogFn;
  /** Runs after migrations, before the apps start: e.g. the demo seed. */
  afterMigrate?: (databaseUrl: string) => Promise<void>;
  /** Temporal without its Web UI (tests). */
  temporalHeadless?: boolean;
  appReadyTimeoutMs?: number;
  /** Cancels start-up (Ctrl-C while starting); whatever started is stopped. */
  signal?: AbortSignal;
  /** Repository root holding dist/ and scripts/; found from this file by default. */
  root?: string;
}

export interface StackUrls {
  api: string;
  docs: string;
  temporalUi?: string;
  mailUi?: string;
  temporalAddress: string;
  databaseUrl: string;
  smtpUrl: string;
}

export type AppName = 'api' | 'worker';

export interface AppExit extends ChildExit {
  app: AppName;
}

export interface Stack {
  urls: StackUrls;
  /** The environment given (or to give) to the api and worker. */
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Where generated ADMIN_TOKEN / JWT_SECRET / LINK_TOKEN_SECRET are kept, if any were. */
  secretsFile?: string;
  /** The in-process SMTP sink, unless SMTP_URL was given. */
  mail?: SmtpSink;
  /** Resolves if the api or worker exits without stop() being called; otherwise never. */
  appExit: Promise<AppExit>;
  /** Stops apps (api, worker), then the SMTP sink, Temporal, PostgreSQL; idempotent. */
  stop(): Promise<void>;
}

type PartName = 'api' | 'worker' | 'mail' | 'temporal' | 'postgres';
const STOP_ORDER: PartName[] = ['api', 'worker', 'mail', 'temporal', 'postgres'];

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? stdoutLog;
  const env = options.env ?? process.env;
  const ports = options.ports ?? {};
  const root = options.root ?? findRepoRoot();
  const dataDir = resolve(options.dataDir);
  const started = Date.now();
  await mkdir(dataDir, { recursive: true });
  log(`[stack] data in ${dataDir}`);

  const parts = new Map<PartName, () => Promise<unknown>>();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const name of STOP_ORDER) {
        const stopPart = parts.get(name);
        if (!stopPart) continue;
        try {
          await stopPart();
          log(`[stack] stopped ${name}`);
        } catch (error) {
          log(`[stack] stopping ${name} failed: ${(error as Error).message}`);
        }
      }
    })());

  try {
    const infra = await startInfrastructure({ ...options, log, env, ports, dataDir }, parts);
    throwIfAborted(options.signal);
    log('[stack] running database migrations');
    const { runMigrations } = await import('@luyue/persistence');
    const ran = await runMigrations(infra.databaseUrl);
    log(ran.length ? `[stack] applied migrations: ${ran.join(', ')}` : '[stack] schema up to date');
    if (options.afterMigrate) await options.afterMigrate(infra.databaseUrl);
    throwIfAborted(options.signal);

    const apiPort = await portOrFree(ports.api);
    const secrets = await devSecretsFor(env, dataDir);
    const appEnv: NodeJS.ProcessEnv = {
      ...env,
      ...secrets.values,
      PORT: String(apiPort),
      DATABASE_URL: infra.databaseUrl,
      TEMPORAL_ADDRESS: infra.temporalAddress,
      TEMPORAL_NAMESPACE: (env.TEMPORAL_ADDRESS && env.TEMPORAL_NAMESPACE) || 'default',
      TEMPORAL_TASK_QUEUE: env.TEMPORAL_TASK_QUEUE || 'luyue',
      SMTP_URL: infra.smtpUrl,
      PUBLIC_BASE_URL: env.PUBLIC_BASE_URL || `http://localhost:${apiPort}`,
      DATA_DIR: dataDir,
      LUYUE_EMBEDDED: '1',
    };
    const api = appEnv.PUBLIC_BASE_URL as string;
    let appExit: Promise<AppExit> = new Promise(() => undefined);
    if (options.startApps) {
      ({ appExit } = await startApps({ ...options, log, root, dataDir, apiPort, appEnv }, parts));
    }
    log(`[stack] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      urls: {
        api,
        docs: `${api}/api/docs`,
        temporalUi: infra.temporalUi,
        mailUi: infra.mail?.httpUrl,
        temporalAddress: infra.temporalAddress,
        databaseUrl: infra.databaseUrl,
        smtpUrl: infra.smtpUrl,
      },
      env: appEnv,
      dataDir,
      secretsFile: secrets.file,
      mail: infra.mail,
      appExit,
      stop,
    };
  } catch (error) {
    log(`[stack] start-up failed; stopping what was started`);
    await stop();
    throw error;
  }
}

interface Infrastructure {
  temporalAddress: string;
  temporalUi?: string;
  databaseUrl: string;
  smtpUrl: string;
  mail?: SmtpSink;
}

type InfraOptions = StackOptions & {
  log: LogFn;
  env: NodeJS.ProcessEnv;
  ports: StackPorts;
  dataDir: string;
};

/** Temporal, PostgreSQL and the SMTP sink start in parallel; each registers its stop as soon
 * as it is up, so a failure of one still stops the others. */
async function startInfrastructure(
  options: InfraOptions,
  parts: Map<PartName, () => Promise<unknown>>,
): Promise<Infrastructure> {
  const { env, log, ports, dataDir } = options;
  const external = (name: string, value: string): void =>
    log(`[stack] ${name} is set: using ${redactUrl(value)}, starting nothing`);
  if (env.TEMPORAL_ADDRESS) external('TEMPORAL_ADDRESS', env.TEMPORAL_ADDRESS);
  if (env.DATABASE_URL) external('DATABASE_URL', env.DATABASE_URL);
  if (env.SMTP_URL) external('SMTP_URL', env.SMTP_URL);

  const [temporal, postgres, mail] = await Promise.allSettled([
    env.TEMPORAL_ADDRESS
      ? undefined
      : startTemporalDevServer({
          dataDir: join(dataDir, 'temporal'),
          port: ports.temporal ?? 0,
          uiPort: ports.temporalUi ?? 0,
          headless: options.temporalHeadless,
          log,
        }).then((server) => {
          parts.set('temporal', server.stop);
          return server;
        }),
    env.DATABASE_URL
      ? undefined
      : startEmbeddedPostgres({
          dataDir,
          port: ports.postgres ?? 0,
          database: 'luyue',
          log,
        }).then((server) => {
          parts.set('postgres', server.stop);
          return server;
        }),
    env.SMTP_URL
      ? undefined
      : startSmtpSink({
          smtpPort: ports.smtp ?? 0,
          httpPort: ports.mailUi ?? 0,
          storeFile: join(dataDir, 'mail', 'messages.jsonl'),
          log,
        }).then((sink) => {
          parts.set('mail', sink.stop);
          return sink;
        }),
  ]);
  const failures = [temporal, postgres, mail].flatMap((result) =>
    result.status === 'rejected' ? [(result.reason as Error).message] : [],
  );
  if (temporal.status === 'rejected' || postgres.status === 'rejected' || mail.status === 'rejected') {
    throw new Error(failures.join('\n'));
  }
  return {
    temporalAddress: env.TEMPORAL_ADDRESS || (temporal.value?.address as string),
    temporalUi: temporal.value?.uiUrl,
    databaseUrl: env.DATABASE_URL || (postgres.value?.url as string),
    smtpUrl: env.SMTP_URL || (mail.value?.smtpUrl as string),
    mail: mail.value,
  };
}

/** Generated secrets fill only what env lacks; none are generated when env has them all. */
async function devSecretsFor(
  env: NodeJS.ProcessEnv,
  dataDir: string,
): Promise<{ values: Record<string, string>; file?: string }> {
  const missing = DEV_SECRET_NAMES.filter((name) => !env[name]);
  if (missing.length === 0) return { values: {} };
  const secrets = await loadOrCreateDevSecrets(dataDir);
  return { values: Object.fromEntries(missing.map((name) => [name, secrets[name]])), file: secrets.file };
}

type AppsOptions = StackOptions & {
  log: LogFn;
  root: string;
  dataDir: string;
  apiPort: number;
  appEnv: NodeJS.ProcessEnv;
};

/** Worker and api from dist/, each in its own process; resolves once GET /health is 200. */
async function startApps(
  options: AppsOptions,
  parts: Map<PartName, () => Promise<unknown>>,
): Promise<{ appExit: Promise<AppExit> }> {
  const { log, root, apiPort, appEnv } = options;
  const runDir = join(options.dataDir, 'run');
  await mkdir(runDir, { recursive: true });
  const scriptOf = (app: AppName): string => join(root, 'dist', 'apps', app, 'src', 'main.js');
  for (const app of ['worker', 'api'] as const) {
    if (!existsSync(scriptOf(app))) {
      throw new Error(`${scriptOf(app)} is missing: run \`npm run build\` first`);
    }
    const pidFile = join(runDir, `${app}.pid`);
    await reapStaleProcess({ pidFile, marker: scriptOf(app), name: app, log });
  }
  await assertPortFree(apiPort, 'API');

  const children: Partial<Record<AppName, ChildHandle>> = {};
  for (const app of ['worker', 'api'] as const) {
    log(`[stack] starting ${app}`);
    const child = await startChild({
      name: app,
      command: process.execPath,
      args: [scriptOf(app)],
      cwd: root,
      env: appEnv,
      log,
      pidFile: join(runDir, `${app}.pid`),
      // The worker finishes in-flight activities on SIGTERM; give it time before SIGKILL.
      graceMs: 20_000,
    });
    children[app] = child;
    parts.set(app, child.stop);
  }

  const appExit = new Promise<AppExit>((resolve) => {
    for (const [app, child] of Object.entries(children) as [AppName, ChildHandle][]) {
      void child.exited.then((exit) => {
        if (!exit.requested) resolve({ app, ...exit });
      });
    }
  });
  const healthUrl = `http://${LOOPBACK}:${apiPort}/health`;
  const started = Date.now();
  try {
    await waitForHttpOk(healthUrl, {
      timeoutMs: options.appReadyTimeoutMs ?? 90_000,
      abortReason: () => {
        if (options.signal?.aborted) return 'start-up cancelled';
        const dead = Object.values(children).find((child) => !child.isRunning());
        return dead && `the ${dead.name} exited during start-up`;
      },
    });
  } catch (error) {
    const tails = Object.values(children)
      .map((child) => `  last ${child.name} output:\n${child.tail.format(40)}`)
      .join('\n');
    throw new Error(`the apps did not become healthy: ${(error as Error).message}\n${tails}`);
  }
  log(`[stack] api healthy at ${healthUrl} (${Date.now() - started} ms)`);
  return { appExit }; // wrapped: an async function returning a promise would wait for it
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('start-up cancelled');
}
