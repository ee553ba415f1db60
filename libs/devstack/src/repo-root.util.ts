import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from '@luyue/config';

/** The repository root: the nearest folder above this file (source or dist/) holding the
 * package.json next to scripts/ensure-temporal-cli.sh. */
export function findRepoRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (
      existsSync(join(dir, 'package.json')) &&
      existsSync(join(dir, 'scripts', 'ensure-temporal-cli.sh'))
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the luyue repository root above ${from}`);
    dir = parent;
  }
}

/** The embedded stack's data folder: DATA_DIR, else `.data` in the repository. */
export function stackDataDir(env: NodeJS.ProcessEnv, root = findRepoRoot()): string {
  return resolve(env.DATA_DIR || join(root, DEFAULT_DATA_DIR));
}
