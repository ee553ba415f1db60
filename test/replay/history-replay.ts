import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { historyFromJSON } from './history-json';

export const HISTORIES = join(__dirname, 'histories');

/** Every checked-in history: `histories/<workflowType>/<version>-<scenario>.json`. */
export function recordedHistories(): Array<{ workflowType: string; file: string }> {
  return readdirSync(HISTORIES).flatMap((workflowType) =>
    readdirSync(join(HISTORIES, workflowType))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ workflowType, file })),
  );
}

export function loadHistory(workflowType: string, file: string) {
  return historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, workflowType, file), 'utf8')));
}

/**
 * Replays one history against `bundle`; a nondeterminism names the workflow type and the file,
 * so a red replay tier says which recorded run the changed code would break.
 */
export async function replayHistory(
  bundle: WorkflowBundleWithSourceMap,
  workflowType: string,
  file: string,
  edit: (history: ReturnType<typeof loadHistory>) => void = () => undefined,
): Promise<void> {
  const history = loadHistory(workflowType, file);
  edit(history);
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (started?.workflowType?.name !== workflowType)
    throw new Error(`${file} is a ${started?.workflowType?.name} history, not ${workflowType}`);
  try {
    await Worker.runReplayHistory(
      { workflowBundle: bundle, replayName: `${workflowType}-${file}` },
      history,
      file,
    );
  } catch (error) {
    if (error instanceof DeterminismViolationError)
      throw new DeterminismViolationError(
        `${workflowType} no longer replays ${join('test/replay/histories', workflowType, file)}: ${error.message}`,
        error,
      );
    throw error;
  }
}
