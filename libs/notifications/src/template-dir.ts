import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds the repo's `templates/` from source (libs/…) and compiled (dist/libs/…) locations alike. */
export function findTemplatesDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'mail'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`templates/ not found above ${start}`);
    dir = parent;
  }
}
