// Prebuilds the workflow bundle so a production worker starts without running webpack.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot, workflowBundleOptions } from '../apps/worker/src/workflow-bundle.options';

async function main(): Promise<void> {
  const root = repoRoot();
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(root), logger: undefined });
  const out = join(root, 'dist', 'workflow-bundle.js');
  writeFileSync(out, code);
  console.log(`[build] workflow bundle ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
