import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startChild, type ChildExit } from './child-process.runner';
import type { LogFn } from './log.types';
import { assertPortFree, LOOPBACK, portOrFree } from './ports.util';
import { reapStaleProcess } from './process-liveness.util';
import { resolveTemporalCli } from './temporal-cli.resolver';
import { waitForTemporal } from './temporal-health.probe';

export interface TemporalDevServerOptions {
  /** Holds temporal.db (SQLite, so workflows survive restarts) and the pid file. */
  dataDir: string;
  /** gRPC frontend port; 0 picks a free one. */
  port: number;
  /** Web UI port; 0 picks a free one. Ignored when headless. */
  uiPort?: number;
  /** No Web UI (tests). */
  headless?: boolean;
  log: LogFn;
  readyTimeoutMs?: number;
  /** A `temporal` binary to use instead of scripts/ensure-temporal-cli.sh. */
  cliPath?: string;
  /** Repository root holding scripts/ensure-temporal-cli.sh; found from this file by default. */
  root?: string;
}

export interface TemporalDevServer {
  /** host:port for `Connection.connect` / TEMPORAL_ADDRESS. */
  address: string;
  /** The ports it listens on, so a restart takes the same ones. */
  port: number;
  uiPort?: number;
  uiUrl?: string;
  /** Resolves when the server exits, whether stopped or crashed. */
  exited: Promise<ChildExit>;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
): Promise<TemporalDevServer> {
  const { log } = options;
  const started = Date.now();
  const dataDir = resolve(options.dataDir);
  const dbFile = join(dataDir, 'temporal.db');
  const pidFile = join(dataDir, 'temporal.pid');
  await mkdir(dataDir, { recursive: true });
  await reapStaleProcess({ pidFile, marker: dbFile, name: 'temporal', log });

  const port = await portOrFree(options.port);
  await assertPortFree(port, 'Temporal gRPC');
  const uiPort = options.headless ? undefined : await portOrFree(options.uiPort);
  if (uiPort !== undefined) await assertPortFree(uiPort, 'Temporal UI');
  const cli = options.cliPath ?? (await resolveTemporalCli(log, options.root));

  const args = ['server', 'start-dev', '--db-filename', dbFile, '--ip', LOOPBACK];
  args.push('--port', String(port), '--log-level', 'warn', '--color', 'never');
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  // A workflow task that schedules a write on its own queue gets the activity task in its answer
  // (eager dispatch): an Update's write does not wait for an activity poll.
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  log(`[temporal] starting dev server on ${LOOPBACK}:${port} (data ${dbFile})`);
  // Stop chatter ("context canceled", "graceful_stop") is expected noise, so it is muted.
  const child = await startChild({
    name: 'temporal',
    command: cli,
    args,
    log,
    cwd: dataDir,
    pidFile,
    graceMs: 15_000,
    quietOnStop: true,
  });

  const address = `${LOOPBACK}:${port}`;
  try {
    await waitForTemporal(address, {
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      abortReason: () => (child.isRunning() ? undefined : 'the dev server exited during start-up'),
    });
  } catch (error) {
    await child.stop();
    throw new Error(
      `Temporal dev server failed to start: ${(error as Error).message}\n  last output:\n${child.tail.format()}`,
    );
  }
  const uiUrl = uiPort === undefined ? undefined : `http://${LOOPBACK}:${uiPort}`;
  log(`[temporal] ready at ${address}${uiUrl ? `, UI ${uiUrl}` : ''} (${Date.now() - started} ms)`);
  return {
    address,
    port,
    uiPort,
    uiUrl,
    exited: child.exited,
    stop: async () => {
      await child.stop();
    },
  };
}
