// The faults themselves, on the fault tier's private stack: its processes by their pid files,
// and its SMTP sink through the stack's control port.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eStack } from './e2e-stack';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pidIn = (file: string): number => Number(readFileSync(file, 'utf8').split('\n')[0].trim());

/** The postmaster and its children (backends, checkpointer…): all must stop to stall it. */
export function postgresProcesses(): number[] {
  const postmaster = pidIn(dataFile('postgres', 'postmaster.pid'));
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** The pid a pid file names now, if it names a live process. */
function livePid(file: string): number | undefined {
  try {
    const pid = pidIn(file);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Kills the process a pid file names; healed once the file names another live process. */
export function killAndReplace(file: string): {
  inject: () => Promise<void>;
  healed: () => boolean;
} {
  const before = pidIn(file);
  return {
    inject: async () => {
      process.kill(before, 'SIGKILL');
    },
    healed: () => {
      const now = livePid(file);
      return now !== undefined && now !== before;
    },
  };
}

export const dataFile = (...parts: string[]): string => join(e2eStack().dataDir, ...parts);

/** Stops or starts the SMTP sink of the stack (fault-global-setup.ts). */
export async function mailSink(action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(`${e2eStack().control}/mail/${action}`, { method: 'POST' });
  if (res.status !== 204)
    throw new Error(`mail ${action} answered ${res.status}: ${await res.text()}`);
}
