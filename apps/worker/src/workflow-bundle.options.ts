import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** Repo root, found from source and compiled locations alike. */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'workflows', 'index.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`workflows/index.ts not found above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The process libraries whose pure definitions workflows import. */
const PROCESS_LIBS = ['requirement', 'change-request', 'security', 'fault-ticket', 'duty'] as const;

/** Bundler options: workflows resolve the pure libs they may import through these aliases. */
export function workflowBundleOptions(root: string = repoRoot()): BundleOptions {
  return {
    workflowsPath: join(root, 'workflows', 'index.ts'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string> | undefined),
        '@luyue/domain': join(root, 'libs/domain/src/index.ts'),
        '@luyue/temporal/definitions': join(root, 'libs/temporal/src/definitions/index.ts'),
        ...Object.fromEntries(
          PROCESS_LIBS.map((name) => [
            `@luyue/${name}/definitions`,
            join(root, `libs/${name}/src/definitions.ts`),
          ]),
        ),
      };
      return config;
    },
  };
}
