import type { ActivityInboundCallsInterceptor, ActivityInterceptors } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { uncurableDataError } from '@luyue/persistence';
import { WRITE_REFUSED_FAILURE } from '@luyue/temporal/definitions';

/**
 * Every activity: a database error that the same input will always hit again (data exception,
 * constraint, program limit) fails at once and for good, typed `write_refused` with its SQLSTATE.
 * Anything else (database down, serialization conflict) keeps the activity's retries.
 */
export const refuseUncurableWrites: ActivityInboundCallsInterceptor = {
  async execute(input, next) {
    try {
      return await next(input);
    } catch (error) {
      const sqlState = uncurableDataError(error);
      if (!sqlState) throw error;
      throw ApplicationFailure.create({
        type: WRITE_REFUSED_FAILURE,
        message: `the database refused the write (SQLSTATE ${sqlState})`,
        details: [{ sqlState }],
        nonRetryable: true,
      });
    }
  },
};

export const activityInterceptors = (): ActivityInterceptors => ({
  inbound: refuseUncurableWrites,
});
