import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { runUpdate } from './update-run.util';

const approve = { type: 'update', name: 'approve' } as UpdateDefinition<string, [string]>;
const aborted = () =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ message: 'workflow update was aborted' }),
  );

function handleAnswering(...answers: Array<Error | string>) {
  const ids: string[] = [];
  const handle = {
    executeUpdate: (_def: unknown, options: { updateId: string }) => {
      ids.push(options.updateId);
      const next = answers.shift();
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  } as unknown as WorkflowHandle;
  return { handle, ids };
}

describe('runUpdate', () => {
  it('sends an aborted Update again under the same id and answers its result', async () => {
    const { handle, ids } = handleAnswering(aborted(), 'approved');
    await expect(runUpdate(handle, approve, ['x'])).resolves.toBe('approved');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('answers an Update aborted every time as dependency_unavailable (503), not a 500', async () => {
    const { handle, ids } = handleAnswering(aborted(), aborted(), aborted(), 'never');
    await expect(runUpdate(handle, approve, ['x'], { updateId: 'k1' })).rejects.toMatchObject({
      code: 'dependency_unavailable',
    });
    expect(ids).toEqual(['k1', 'k1', 'k1']);
  });

  it('sends an Update the server rejected as unprocessed again: nothing was decided', async () => {
    const unprocessed = ApplicationFailure.create({
      type: 'UnprocessedUpdate',
      message: "Workflow Update is rejected because it wasn't processed by worker.",
      nonRetryable: true,
    });
    const { handle, ids } = handleAnswering(
      new WorkflowUpdateFailedError('Workflow Update failed', unprocessed),
      'approved',
    );
    await expect(runUpdate(handle, approve, ['x'], { updateId: 'k2' })).resolves.toBe('approved');
    expect(ids).toEqual(['k2', 'k2']);
  });

  it('passes a refusal through at once as its DomainError', async () => {
    const refusal = ApplicationFailure.create({ type: 'invalid_state', message: 'no' });
    const { handle, ids } = handleAnswering(
      new WorkflowUpdateFailedError('Workflow Update failed', refusal),
    );
    await expect(runUpdate(handle, approve, ['x'])).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(ids).toHaveLength(1);
  });
});
