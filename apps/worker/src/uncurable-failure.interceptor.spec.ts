import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { refuseUncurableWrites } from './uncurable-failure.interceptor';

const input = { args: [], headers: {} } as unknown as ActivityExecuteInput;
// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- pg rejects with plain objects too
const failing = (error: unknown) => () => Promise.reject(error);

describe('refuseUncurableWrites', () => {
  it('fails a data error for good, typed write_refused with its SQLSTATE', async () => {
    const error = { driverError: { code: '22P05', message: 'unsupported Unicode escape' } };
    const thrown: unknown = await refuseUncurableWrites.execute!(input, failing(error)).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({
      type: 'write_refused',
      nonRetryable: true,
      details: [{ sqlState: '22P05' }],
    });
  });

  it('leaves a database that is down, and any other failure, to the retries', async () => {
    for (const error of [{ code: '57P01' }, { code: '40001' }, new Error('boom')]) {
      await expect(refuseUncurableWrites.execute!(input, failing(error))).rejects.toBe(error);
    }
  });

  it('answers what the activity answered', async () => {
    await expect(refuseUncurableWrites.execute!(input, () => Promise.resolve(7))).resolves.toBe(7);
  });
});
