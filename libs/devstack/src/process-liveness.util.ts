import { readFileSync } from 'node:fs';
import { readdir, readFile, readlink, rm } from 'node:fs/promises';
import type { LogFn } from './log.types';
import { sleep } from './ports.util';

/** Alive means signalable and not a zombie (a container's pid 1 may never reap orphans). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no procfs (macOS): trust kill(0)
  }
}

/** The command line of a process, or undefined where procfs is unavailable. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

export async function readPidFile(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export async function waitForDeath(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

export interface StaleProcessOptions {
  pidFile: string;
  /** Substring of the command line that proves the pid is still our old child, not a reused pid. */
  marker: string;
  name: string;
  log: LogFn;
  signal?: NodeJS.Signals;
  graceMs?: number;
}

/**
 * Stops a child left running by a previous run that was killed before it could clean up
 * (its pid file survives), so the port and data files are free again. Removes the pid file.
 */
export async function reapStaleProcess(options: StaleProcessOptions): Promise<void> {
  const { pidFile, marker, name, log } = options;
  const pid = await readPidFile(pidFile);
  if (pid === undefined) return;
  const commandLine = commandLineOf(pid);
  if (isProcessAlive(pid) && commandLine?.includes(marker)) {
    log(`[${name}] stopping pid ${pid} left over from a previous run`);
    signalQuietly(pid, options.signal ?? 'SIGTERM');
    if (!(await waitForDeath(pid, options.graceMs ?? 15_000))) {
      log(`[${name}] pid ${pid} ignored ${options.signal ?? 'SIGTERM'}; sending SIGKILL`);
      signalQuietly(pid, 'SIGKILL');
      await waitForDeath(pid, 5_000);
    }
  }
  await rm(pidFile, { force: true });
}

export function signalQuietly(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Pids of the live processes whose working directory is `dir` (none where procfs is missing). */
export async function processesWorkingIn(dir: string): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => undefined);
    if (cwd === dir && isProcessAlive(Number(entry))) found.push(Number(entry));
  }
  return found;
}
