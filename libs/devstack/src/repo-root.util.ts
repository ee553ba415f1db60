import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
