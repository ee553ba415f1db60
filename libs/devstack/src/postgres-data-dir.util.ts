import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, realpath, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { LogFn } from './log.types';
import { sleep } from './ports.util';
import {
  commandLineOf,
  processesWorkingIn,
  reapStaleProcess,
  signalQuietly,
  waitForDeath,
} from './process-liveness.util';

const run = promisify(execFile);

export function isClusterInitialised(clusterDir: string): boolean {
  return existsSync(join(clusterDir, 'PG_VERSION'));
}

/** A folder without PG_VERSION is a failed initdb (it refuses non-empty folders): remove it. */
export async function removeHalfInitialisedCluster(clusterDir: string, log: LogFn): Promise<void> {
  if (existsSync(clusterDir) && !isClusterInitialised(clusterDir)) {
    log(`[postgres] removing ${clusterDir}: it holds no initialised cluster (interrupted initdb?)`);
    await rm(clusterDir, { recursive: true, force: true });
  }
}

/** A postmaster left running by a killed previous run is stopped (SIGINT = fast shutdown);
 * a postmaster.pid naming a dead or unrelated pid is removed so postgres does not refuse. */
export async function clearStalePostmaster(clusterDir: string, log: LogFn): Promise<void> {
  await reapStaleProcess({
    pidFile: join(clusterDir, 'postmaster.pid'),
    marker: clusterDir,
    name: 'postgres',
    log,
    signal: 'SIGINT',
    graceMs: 30_000,
  });
  await reapOrphanBackends(clusterDir, log);
}

/**
 * Backends of a postmaster that was killed (SIGKILL) outlive it for a moment and still hold
 * its shared memory; with postmaster.pid gone postgres cannot tell, so a new postmaster must
 * not start before they are gone. They run in the cluster folder, which is how they are found.
 */
async function reapOrphanBackends(clusterDir: string, log: LogFn): Promise<void> {
  const dir = await realpath(clusterDir);
  // Only postgres processes: a shell someone left in the folder is not ours to kill.
  const backends = async (): Promise<number[]> =>
    (await processesWorkingIn(dir)).filter((pid) => commandLineOf(pid)?.startsWith('postgres'));
  let orphans = await backends();
  if (orphans.length === 0) return;
  log(`[postgres] waiting for ${orphans.length} backend(s) of the previous postmaster to exit`);
  const deadline = Date.now() + 10_000;
  while (orphans.length > 0 && Date.now() < deadline) {
    await sleep(100);
    orphans = await backends();
  }
  if (orphans.length === 0) return;
  log(`[postgres] backends ${orphans.join(', ')} did not exit; sending SIGKILL`);
  for (const pid of orphans) signalQuietly(pid, 'SIGKILL');
  await Promise.all(orphans.map((pid) => waitForDeath(pid, 5_000)));
}

export async function postgresUserIds(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']).then(({ stdout }) => Number.parseInt(stdout, 10)),
      run('id', ['-g', 'postgres']).then(({ stdout }) => Number.parseInt(stdout, 10)),
    ]);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * As root, postgres runs as the `postgres` OS user, which must be able to enter every folder
 * above the cluster. Folders we were given (dataDir and below) get o+x (search, not read),
 * e.g. a mkdtemp folder (0700); a blocking folder above them is reported instead of changed.
 */
export async function ensureSearchableForPostgres(dataDir: string, log: LogFn): Promise<void> {
  for (let dir = dataDir; ; dir = dirname(dir)) {
    const info = await stat(dir);
    if ((info.mode & 0o001) === 0) {
      if (dir !== dataDir) {
        throw new Error(
          `PostgreSQL runs as the postgres user, which cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}): ` +
            'choose a data folder below a world-searchable folder, or chmod o+x it',
        );
      }
      log(`[postgres] allowing the postgres user to enter ${dir} (chmod o+x)`);
      await chmod(dir, (info.mode & 0o7777) | 0o001);
    }
    if (dirname(dir) === dir) return;
  }
}

/** A cluster copied or restored by root is handed back to the postgres user. */
export async function ensureOwnedBy(
  clusterDir: string,
  ids: { uid: number; gid: number },
  log: LogFn,
): Promise<void> {
  const info = await stat(clusterDir);
  if (info.uid !== ids.uid) {
    log(`[postgres] giving ${clusterDir} to the postgres user (chown -R)`);
    await run('chown', ['-R', `${ids.uid}:${ids.gid}`, clusterDir]);
  }
}
