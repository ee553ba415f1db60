import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-bundle.options';
import { quietLogger, quietRuntime, workflowBundle } from '../helpers/time-skipping.env';
import { recordedHistories, replayHistory } from './history-replay';

const ROOT = join(__dirname, '..', '..');
const histories = recordedHistories();

describe('replay tier: the workflow code replays every recorded history', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    quietRuntime();
    bundle = await workflowBundle();
  }, 120_000);

  it('has histories of every workflow type the worker registers', () => {
    const index = readFileSync(join(ROOT, 'workflows', 'index.ts'), 'utf8');
    const registered = [...index.matchAll(/export \{ (\w+) \}/g)].map((m) => m[1]).sort();
    expect(registered.length).toBeGreaterThan(0);
    expect([...new Set(histories.map((h) => h.workflowType))].sort()).toEqual(registered);
  });

  it.each(histories.map((h) => [h.workflowType, h.file]))(
    '%s replays %s',
    async (workflowType, file) => {
      await replayHistory(bundle, workflowType, file);
    },
  );
});

describe('continue-as-new behind patched()', () => {
  it('replays a pre-patch run that was already past the limit without continuing it', async () => {
    // v1 code never continued: its 192-event run, started with a limit of 150, must still replay.
    let limited = false;
    await replayHistory(
      await workflowBundle(),
      'customizationRequestWorkflow',
      'v1-accepted.json',
      (history) => {
        const payload =
          history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
        const input = JSON.parse(Buffer.from(payload.data!).toString('utf8')) as object;
        payload.data = Buffer.from(JSON.stringify({ ...input, continueAsNewAfterEvents: 150 }));
        limited = history.events!.length > 150;
      },
    );
    expect(limited).toBe(true);
  });
});

describe('replay tier guard: a nondeterministic change fails it', () => {
  it('names the workflow type and the history a wrong workflow cannot replay', async () => {
    const wrong = await bundleWorkflowCode({
      ...workflowBundleOptions(ROOT),
      workflowsPath: join(__dirname, 'nondeterministic-request.workflow.ts'),
      logger: quietLogger,
    });
    const file = 'v1-rejected.json';
    const error = await replayHistory(wrong, 'customizationRequestWorkflow', file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeterminismViolationError);
    expect((error as Error).message).toContain(
      `customizationRequestWorkflow no longer replays test/replay/histories/customizationRequestWorkflow/${file}`,
    );
  }, 120_000);
});
