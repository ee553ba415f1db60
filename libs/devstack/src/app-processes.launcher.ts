import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exitedUnexpectedly, startChild, type ChildHandle } from './child-process.runner';
import { waitForHttpOk } from './http-health.probe';
import type { LogFn } from './log.types';
import { assertPortFree, LOOPBACK } from './ports.util';
import { reapStaleProcess } from './process-liveness.util';
import { supervise, type Supervised } from './restart-supervisor.util';

export type AppName = 'api' | 'worker';

export interface AppsContext {
  /** Repository root holding dist/apps/<app>/src/main.js. */
  root: string;
  /** Pid files go to <dataDir>/run, so a later start can stop orphans of a killed run. */
  dataDir: string;
  /** One api process per port; the first is the one PUBLIC_BASE_URL defaults to. */
  apiPorts: readonly number[];
  /** Worker processes polling the one task queue (default 1). */
  workerCount?: number;
  log: LogFn;
}

/** One process to run: the first of each app keeps the plain name (`api`, `api.pid`), later
 * ones are numbered (`api-2`, `api-2.pid`), so a single-process start looks as it always did. */
interface AppInstance {
  app: AppName;
  name: string;
  /** The api's PORT. */
  port?: number;
}

// Workers first: an api is useful only once something polls the task queue.
function instancesOf(context: AppsContext): AppInstance[] {
  const numbered = (app: AppName, i: number): string => (i === 0 ? app : `${app}-${i + 1}`);
  const workers = Array.from({ length: context.workerCount ?? 1 }, (_, i) => ({
    app: 'worker' as const,
    name: numbered('worker', i),
  }));
  const apis = context.apiPorts.map((port, i) => ({
    app: 'api' as const,
    name: numbered('api', i),
    port,
  }));
  return [...workers, ...apis];
}

const scriptOf = (root: string, app: AppName): string =>
  join(root, 'dist', 'apps', app, 'src', 'main.js');
const pidFileOf = (dataDir: string, name: string): string => join(dataDir, 'run', `${name}.pid`);

/** Checks what would make the apps fail to start, before any infrastructure is started. */
export async function prepareApps(context: AppsContext): Promise<void> {
  const { root, dataDir, log } = context;
  await mkdir(join(dataDir, 'run'), { recursive: true });
  for (const { app, name } of instancesOf(context)) {
    const script = scriptOf(root, app);
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    await reapStaleProcess({ pidFile: pidFileOf(dataDir, name), marker: script, name, log });
  }
  for (const port of context.apiPorts) await assertPortFree(port, 'API');
}

export interface SupervisedApps {
  /** The first processes, to wait for their health. */
  first: ChildHandle[];
  /** Stops the apps (api first) and any restart still pending. */
  stop(): Promise<void>;
}

/**
 * Spawns the compiled worker and api with `env` and keeps them running: an app that exits
 * without being asked to is logged with its code or signal and started again after a backoff.
 */
export async function superviseApps(
  context: AppsContext & { env: NodeJS.ProcessEnv; shutdown?: AbortSignal },
): Promise<SupervisedApps> {
  const spawn = ({ app, name, port }: AppInstance): Promise<ChildHandle> =>
    startChild({
      name,
      command: process.execPath,
      args: [scriptOf(context.root, app)],
      cwd: context.root,
      // Every instance shares the env (database, Temporal, secrets); only an api's port differs.
      env: port === undefined ? context.env : { ...context.env, PORT: String(port) },
      log: context.log,
      pidFile: pidFileOf(context.dataDir, name),
      // The worker finishes in-flight activities on SIGTERM; give it time before SIGKILL.
      graceMs: 20_000,
    });
  const first: ChildHandle[] = [];
  const supervised: Supervised<ChildHandle>[] = [];
  for (const instance of instancesOf(context)) {
    context.log(`[stack] starting ${instance.name}`);
    const child = await spawn(instance);
    first.push(child);
    supervised.push(
      supervise({
        what: `the ${instance.name}`,
        first: child,
        restart: () => spawn(instance),
        unexpected: exitedUnexpectedly,
        log: context.log,
        shutdown: context.shutdown,
      }),
    );
  }
  return {
    first,
    stop: async () => {
      // Api first: nothing new arrives while the worker finishes what it holds.
      for (const apps of [...supervised].reverse()) await apps.stop();
    },
  };
}

/** Waits for every api's GET /health to answer 200; on failure the error carries the apps'
 * last output lines. */
export async function waitUntilHealthy(
  children: readonly ChildHandle[],
  apiPorts: readonly number[],
  options: { log: LogFn; appReadyTimeoutMs?: number; signal?: AbortSignal },
): Promise<void> {
  for (const port of apiPorts) await waitUntilOneHealthy(children, port, options);
}

async function waitUntilOneHealthy(
  children: readonly ChildHandle[],
  apiPort: number,
  options: { log: LogFn; appReadyTimeoutMs?: number; signal?: AbortSignal },
): Promise<void> {
  const healthUrl = `http://${LOOPBACK}:${apiPort}/health`;
  const started = Date.now();
  try {
    await waitForHttpOk(healthUrl, {
      timeoutMs: options.appReadyTimeoutMs ?? 90_000,
      abortReason: () => {
        if (options.signal?.aborted) return 'start-up cancelled';
        const dead = children.find((child) => !child.isRunning());
        return dead && `the ${dead.name} exited during start-up`;
      },
    });
  } catch (error) {
    const tails = children
      .map((child) => `  last ${child.name} output:\n${child.tail.format(40)}`)
      .join('\n');
    throw new Error(`the apps did not become healthy: ${(error as Error).message}\n${tails}`);
  }
  options.log(`[stack] api healthy at ${healthUrl} (${Date.now() - started} ms)`);
}
