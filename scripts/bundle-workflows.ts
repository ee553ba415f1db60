// Prebuilds the workflow bundle so a production worker starts without running webpack.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot, workflowBundleOptions } from '../apps/worker/src/workflow-bundle.options';

const noop = (): void => undefined;

async function main(): Promise<void> {
  const root = repoRoot();
  const quiet = {
    log: noop,
    trace: noop,
    debug: noop,
    info: noop,
    warn: console.warn,
    error: console.error,
  };
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(root), logger: quiet });
  const out = join(root, 'dist', 'workflow-bundle.js');
  writeFileSync(out, code);
  console.log(`[build] workflow bundle ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
