import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LogFn } from './log.types';
import { LineSplitter, LineTail } from './output-lines.util';
import { findRepoRoot } from './repo-root.util';

const resolved = new Map<string, Promise<string>>();

/** Path of the `temporal` CLI from scripts/ensure-temporal-cli.sh (PATH, cached build, or a
 * one-time `go install`). Memoised so concurrent launches share one build. */
export function resolveTemporalCli(log: LogFn, root: string = findRepoRoot()): Promise<string> {
  let pending = resolved.get(root);
  if (!pending) {
    pending = runEnsureScript(root, log);
    pending.catch(() => resolved.delete(root)); // a failed build may be retried
    resolved.set(root, pending);
  }
  return pending;
}

async function runEnsureScript(root: string, log: LogFn): Promise<string> {
  const script = join(root, 'scripts', 'ensure-temporal-cli.sh');
  const child = spawn('bash', [script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = new LineTail();
  const progress = new LineSplitter((line) => {
    tail.add(line);
    log(line);
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => progress.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  progress.flush();
  const binary = stdout.trim().split('\n').pop()?.trim();
  if (code !== 0 || !binary) {
    throw new Error(`${script} failed (exit ${code}):\n${tail.format()}`);
  }
  return binary;
}
