import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { ChildExit } from './child-process.runner';
import { loadEmbeddedPostgres } from './embedded-postgres.loader';
import { guardChild, releaseChild } from './exit-guard.util';
import type { LogFn } from './log.types';
import { LineSplitter, LineTail } from './output-lines.util';
import { assertPortFree, LOOPBACK, portOrFree } from './ports.util';
import {
  clearStalePostmaster,
  ensureOwnedBy,
  ensureSearchableForPostgres,
  isClusterInitialised,
  postgresUserIds,
  removeHalfInitialisedCluster,
} from './postgres-data-dir.util';

export interface EmbeddedPostgresOptions {
  /** The cluster lives in <dataDir>/postgres and is reused by later starts. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Superuser created by initdb; a reused cluster keeps the credentials it was created with. */
  user?: string;
  password?: string;
  /** Created when missing. */
  database: string;
  log: LogFn;
  readyTimeoutMs?: number;
}

export interface EmbeddedPostgresServer {
  /** postgres://user:password@127.0.0.1:port/database */
  url: string;
  port: number;
  /** Resolves when the postmaster exits, whether stopped (requested) or crashed. */
  exited: Promise<ChildExit>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const { log, database } = options;
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const started = Date.now();
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });

  await removeHalfInitialisedCluster(clusterDir, log);
  const reuse = isClusterInitialised(clusterDir);
  if (reuse) await clearStalePostmaster(clusterDir, log);
  const port = await portOrFree(options.port);
  await assertPortFree(port, 'PostgreSQL');
  if (asRoot) {
    await ensureSearchableForPostgres(dataDir, log);
    const ids = await postgresUserIds();
    if (reuse && ids) await ensureOwnedBy(clusterDir, ids, log);
  }

  const tail = new LineTail();
  let quiet = false; // the shutdown chatter after stop() is kept in the tail only
  const output = new LineSplitter((line) => {
    tail.add(line);
    if (!quiet) log(`[postgres] ${line}`);
  });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // initdb and postgres refuse to run as root; the library then runs them as `postgres`.
    createPostgresUser: asRoot,
    // UTF-8 with PostgreSQL's own C.UTF-8 rules: the same on every OS, no OS locales needed.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ],
    // TCP on loopback only; no Unix socket, whose default folder may not exist or be writable.
    postgresFlags: ['-c', `listen_addresses=${LOOPBACK}`, '-c', 'unix_socket_directories='],
    onLog: (message) => output.push(message.replace(/^\[STDERR\] /, '')),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (reuse) {
    log(`[postgres] reusing the cluster in ${clusterDir}`);
  } else {
    log(`[postgres] initialising a new cluster in ${clusterDir} (initdb, once)`);
    await cluster.initialise();
  }
  log(`[postgres] starting on ${LOOPBACK}:${port}`);
  const startup = cluster.start();
  const postmaster = (): ChildProcess | undefined =>
    (cluster as unknown as { process?: ChildProcess }).process;
  try {
    await withTimeout(startup, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stopCluster(cluster, postmaster());
    const reason = error instanceof Error ? error.message : 'postgres exited during start-up';
    throw new Error(`PostgreSQL failed to start: ${reason}\n  last output:\n${tail.format()}`);
  }
  // The library keeps the postmaster private; we need it to notice a crash and to guard exit.
  const child = postmaster() as ChildProcess;
  const pid = child.pid as number;
  guardChild(pid, 'SIGINT');
  let requested = false;
  const exited = new Promise<ChildExit>((done) => {
    const finish = (): void => done({ code: child.exitCode, signal: child.signalCode, requested });
    if (child.exitCode !== null || child.signalCode !== null) finish();
    else child.once('exit', finish);
  }).finally(() => releaseChild(pid));

  const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${LOOPBACK}:${port}/${encodeURIComponent(database)}`;
  try {
    await ensureDatabase(url.replace(/\/[^/]*$/, '/postgres'), database, log);
  } catch (error) {
    await stopCluster(cluster, child);
    throw new Error(
      `PostgreSQL started but connecting as "${user}" failed: ${(error as Error).message}` +
        (reuse ? ` (the cluster in ${clusterDir} keeps the credentials it was created with)` : ''),
    );
  }
  log(
    `[postgres] ready at ${LOOPBACK}:${port}, database "${database}" (${Date.now() - started} ms)`,
  );

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    exited,
    stop: () => {
      quiet = true;
      requested = true;
      return (stopping ??= stopCluster(cluster, child).then(() => log('[postgres] stopped')));
    },
  };
}

interface Stoppable {
  stop(): Promise<void>;
}

/** Fast shutdown (the library sends SIGINT); SIGKILL if it hangs. The library's stop() would
 * wait forever for an 'exit' event from a postmaster that is already gone, so check first. */
async function stopCluster(cluster: Stoppable, child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    await cluster.stop();
  } finally {
    clearTimeout(killTimer);
  }
}

async function ensureDatabase(adminUrl: string, database: string, log: LogFn): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      log(`[postgres] creating database "${database}"`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ready after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
