import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { guardChild, releaseChild } from './exit-guard.util';
import type { LogFn } from './log.types';
import { LineSplitter, LineTail } from './output-lines.util';

export interface ChildSpec {
  /** Prefix of every forwarded output line, e.g. `temporal`. */
  name: string;
  command: string;
  args: readonly string[];
  log: LogFn;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written with the pid while the child runs, so a later run can stop an orphan. */
  pidFile?: string;
  stopSignal?: NodeJS.Signals;
  /** How long stop() waits after stopSignal before SIGKILL. */
  graceMs?: number;
  /** Stop forwarding output once stop() is called (shutdown chatter stays in the tail). */
  quietOnStop?: boolean;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the exit followed stop(); false means the child died on its own. */
  requested: boolean;
}

export interface ChildHandle {
  readonly name: string;
  readonly pid: number;
  /** Resolves once, when the process has exited (never rejects). */
  readonly exited: Promise<ChildExit>;
  readonly tail: LineTail;
  isRunning(): boolean;
  /** stopSignal to the whole process group, SIGKILL after the grace period; idempotent. */
  stop(): Promise<ChildExit>;
}

/** Spawns a child in its own process group (so a terminal Ctrl-C reaches only us and we
 * choose the stop order) and forwards its output line by line with a name prefix. */
export async function startChild(spec: ChildSpec): Promise<ChildHandle> {
  const child = spawn(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new Error(`[${spec.name}] cannot start ${spec.command}: ${error.message}`)),
    );
  });
  const pid = child.pid as number;
  guardChild(-pid);
  if (spec.pidFile) await writeFile(spec.pidFile, `${pid}\n`);

  const tail = new LineTail();
  let running = true;
  let requested = false;
  let quiet = false;
  const forward = (line: string): void => {
    tail.add(line);
    if (!quiet) spec.log(`[${spec.name}] ${line}`);
  };
  const splitters = [child.stdout, child.stderr].map((stream) => {
    const splitter = new LineSplitter(forward);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => splitter.push(chunk));
    return splitter;
  });

  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      splitters.forEach((splitter) => splitter.flush());
      releaseChild(-pid);
      const finish = (): void => resolve({ code, signal, requested });
      if (spec.pidFile) void rm(spec.pidFile, { force: true }).finally(finish);
      else finish();
    });
  });

  let stopping: Promise<ChildExit> | undefined;
  const stop = (): Promise<ChildExit> => {
    if (stopping) return stopping;
    if (!running) return (stopping = exited);
    requested = true;
    quiet = spec.quietOnStop ?? false;
    signalGroup(pid, spec.stopSignal ?? 'SIGTERM');
    const killTimer = setTimeout(() => {
      spec.log(`[${spec.name}] did not stop within ${spec.graceMs ?? 10_000} ms; sending SIGKILL`);
      signalGroup(pid, 'SIGKILL');
    }, spec.graceMs ?? 10_000);
    stopping = exited.then((exit) => {
      clearTimeout(killTimer);
      spec.log(`[${spec.name}] stopped`);
      return exit;
    });
    return stopping;
  };

  return { name: spec.name, pid, exited, tail, isRunning: () => running, stop };
}

/** Why a child ended, unless stop() asked it to. */
export function exitedUnexpectedly(exit: ChildExit): string | undefined {
  return exit.requested
    ? undefined
    : `exited unexpectedly (code ${exit.code}, signal ${exit.signal})`;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
