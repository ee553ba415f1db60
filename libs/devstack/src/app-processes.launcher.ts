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
  apiPort: number;
  log: LogFn;
}

// Worker first: the api is useful only once something polls the task queue.
const APPS: readonly AppName[] = ['worker', 'api'];

const scriptOf = (root: string, app: AppName): string =>
  join(root, 'dist', 'apps', app, 'src', 'main.js');
const pidFileOf = (dataDir: string, app: AppName): string => join(dataDir, 'run', `${app}.pid`);

/** Checks what would make the apps fail to start, before any infrastructure is started. */
export async function prepareApps(context: AppsContext): Promise<void> {
  const { root, dataDir, log } = context;
  await mkdir(join(dataDir, 'run'), { recursive: true });
  for (const app of APPS) {
    const script = scriptOf(root, app);
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    await reapStaleProcess({ pidFile: pidFileOf(dataDir, app), marker: script, name: app, log });
  }
  await assertPortFree(context.apiPort, 'API');
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
  const spawn = (app: AppName): Promise<ChildHandle> =>
    startChild({
      name: app,
      command: process.execPath,
      args: [scriptOf(context.root, app)],
      cwd: context.root,
      env: context.env,
      log: context.log,
      pidFile: pidFileOf(context.dataDir, app),
      // The worker finishes in-flight activities on SIGTERM; give it time before SIGKILL.
      graceMs: 20_000,
    });
  const first: ChildHandle[] = [];
  const supervised: Supervised<ChildHandle>[] = [];
  for (const app of APPS) {
    context.log(`[stack] starting ${app}`);
    const child = await spawn(app);
    first.push(child);
    supervised.push(
      supervise({
        what: `the ${app}`,
        first: child,
        restart: () => spawn(app),
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

/** Waits for the api's GET /health to answer 200; on failure the error carries the apps'
 * last output lines. */
export async function waitUntilHealthy(
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
