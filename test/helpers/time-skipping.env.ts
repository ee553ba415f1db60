import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-bundle.options';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, '.tools', 'temporal-test-server', 'test-server');

/**
 * Temporal's Java time-skipping test server, fetched by scripts/ensure-test-server.sh. The SDK
 * gives it about 5 s to answer; a JVM on a busy 2-core machine can miss that, so retry.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  if (!existsSync(SERVER)) throw new Error(`${SERVER} missing: run \`npm run tools\` first`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: SERVER } },
      });
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflows bundled once per test file, with the same aliases as production. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ ...workflowBundleOptions(ROOT), logger: quietLogger });
  return bundle;
}

const noop = (): void => undefined;
export const quietLogger = {
  log: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
};

let runtimeInstalled = false;

/** Worker state changes are logged at INFO by default; tests only want warnings. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process by an earlier file: keep it.
  }
}
