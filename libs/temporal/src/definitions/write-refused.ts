/**
 * The ApplicationFailure type of an activity whose write the database refused for good (a data or
 * constraint error): the worker marks it non-retryable, and a workflow refuses the Update that
 * asked for it instead of retrying for ever, so one bad input cannot jam an item.
 */
export const WRITE_REFUSED_FAILURE = 'write_refused';
