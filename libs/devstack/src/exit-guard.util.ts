/**
 * Last-resort cleanup: if this Node process exits without stopping its children (uncaught
 * error, process.exit), signal them synchronously so they do not outlive it as orphans.
 */
const guarded = new Map<number, NodeJS.Signals>();
let installed = false;

export function guardChild(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  guarded.set(pid, signal);
  if (installed) return;
  installed = true;
  process.once('exit', () => {
    for (const [guardedPid, guardedSignal] of guarded) {
      try {
        process.kill(guardedPid, guardedSignal);
      } catch {
        // already gone
      }
    }
  });
}

export function releaseChild(pid: number): void {
  guarded.delete(pid);
}
