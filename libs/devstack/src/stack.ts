import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  prepareApps,
  superviseApps,
  waitUntilHealthy,
  type AppName,
} from './app-processes.launcher';
import { loadOrCreateDevSecrets, DEV_SECRET_NAMES } from './dev-secrets.util';
import { startInfrastructure, type MailSwitch, type StackPorts } from './infrastructure.launcher';
import { stdoutLog, type LogFn } from './log.types';
import { LOOPBACK, portOrFree } from './ports.util';
import { findRepoRoot } from './repo-root.util';

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
  /** How many api processes to start (default 1): the first on `ports.api`, the others on
   * free ports, all with the same env; they share the database, Temporal and the secrets. */
  apiCount?: number;
  /** How many worker processes poll the task queue and drain the outbox (default 1). */
  workerCount?: number;
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
  /** Every api process on loopback, the first being `api`'s (apiCount of them). */
  apis: string[];
  docs: string;
  temporalUi?: string;
  mailUi?: string;
  temporalAddress: string;
  databaseUrl: string;
  smtpUrl: string;
}

export type { AppName, MailSwitch, StackPorts };

export interface Stack {
  urls: StackUrls;
  /** The environment given (or to give) to the api and worker. */
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Where generated ADMIN_TOKEN / JWT_SECRET / LINK_TOKEN_SECRET are kept, if any were. */
  secretsFile?: string;
  /** The in-process SMTP sink, unless SMTP_URL was given; tests may stop and start it again. */
  mail?: MailSwitch;
  /**
   * Stops apps (api, worker), then the SMTP sink, Temporal, PostgreSQL, with any restart still
   * pending (each of them is restarted when it dies on its own); idempotent.
   */
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
  // Raised before the first part stops, so none that ends meanwhile is started again.
  const shutdown = new AbortController();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      shutdown.abort();
      for (const name of STOP_ORDER) {
        const stopPart = parts.get(name);
        if (!stopPart) continue;
        try {
          await stopPart(); // each part logs its own "stopped"
        } catch (error) {
          log(`[stack] stopping ${name} failed: ${(error as Error).message}`);
        }
      }
    })());

  try {
    const apiPorts = await apiPortsFor(ports.api, options.apiCount ?? 1);
    const apiPort = apiPorts[0];
    const apps = { root, dataDir, apiPorts, workerCount: options.workerCount ?? 1, log };
    if (options.startApps) await prepareApps(apps); // fail fast, before seconds of start-up
    const infra = await startInfrastructure({
      ...options,
      dataDir,
      ports,
      env,
      log,
      root,
      onStarted: (part, stopPart) => parts.set(part, stopPart),
      shutdown: shutdown.signal,
    });
    throwIfAborted(options.signal);
    log('[stack] running database migrations');
    const { runMigrations } = await import('@luyue/persistence');
    const ran = await runMigrations(infra.databaseUrl);
    log(ran.length ? `[stack] applied migrations: ${ran.join(', ')}` : '[stack] schema up to date');
    if (options.afterMigrate) await options.afterMigrate(infra.databaseUrl);
    throwIfAborted(options.signal);

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
      // The worker loads the bundle `npm run build` made instead of running webpack at start.
      WORKFLOW_BUNDLE_PATH: env.WORKFLOW_BUNDLE_PATH || resolve(root, 'dist', 'workflow-bundle.js'),
    };
    const api = appEnv.PUBLIC_BASE_URL as string;
    if (options.startApps) {
      const supervised = await superviseApps({ ...apps, env: appEnv, shutdown: shutdown.signal });
      // One part for both: it stops the api, then the worker, and cancels pending restarts.
      parts.set('api', () => supervised.stop());
      await waitUntilHealthy(supervised.first, apiPorts, { ...options, log });
    }
    log(`[stack] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      urls: {
        api,
        apis: apiPorts.map((port) => `http://${LOOPBACK}:${port}`),
        docs: `${api}/api/docs`,
        temporalUi: infra.temporalUi,
        mailUi: infra.mail?.current().httpUrl,
        temporalAddress: infra.temporalAddress,
        databaseUrl: infra.databaseUrl,
        smtpUrl: infra.smtpUrl,
      },
      env: appEnv,
      dataDir,
      secretsFile: secrets.file,
      mail: infra.mail,
      stop,
    };
  } catch (error) {
    const what = options.signal?.aborted ? 'cancelled' : 'failed';
    log(`[stack] start-up ${what}; stopping what was started`);
    await stop();
    throw error;
  }
}

/** The first api's port (given or free), then distinct free ports for the others. */
async function apiPortsFor(first: number | undefined, count: number): Promise<number[]> {
  const ports = [await portOrFree(first)];
  while (ports.length < count) {
    const port = await portOrFree(undefined);
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** Generated secrets fill only what env lacks; none are generated when env has them all. */
async function devSecretsFor(
  env: NodeJS.ProcessEnv,
  dataDir: string,
): Promise<{ values: Record<string, string>; file?: string }> {
  const missing = DEV_SECRET_NAMES.filter((name) => !env[name]);
  if (missing.length === 0) return { values: {} };
  const secrets = await loadOrCreateDevSecrets(dataDir);
  return {
    values: Object.fromEntries(missing.map((name) => [name, secrets[name]])),
    file: secrets.file,
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('start-up cancelled');
}
