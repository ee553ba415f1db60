import { databaseUnavailable, isUniqueViolation, uncurableDataError } from './pg-error.util';

describe('PostgreSQL errors', () => {
  it('tells a database that is down or stalled from a bad query', () => {
    for (const error of [
      { code: '57014', message: 'canceling statement due to statement timeout' },
      { driverError: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5433' } },
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
      { code: '57P03', message: 'the database system is not yet accepting connections' },
      Object.assign(new Error('Query runner already released'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ]) {
      expect(databaseUnavailable(error)).toMatchObject({
        code: 'dependency_unavailable',
        details: { dependency: 'postgresql' },
      });
    }
    expect(databaseUnavailable({ code: '42601', message: 'syntax error' })).toBeNull();
    expect(databaseUnavailable(new Error('boom'))).toBeNull();
  });

  it('recognises a unique violation, on a named constraint when asked', () => {
    const error = { driverError: { code: '23505', constraint: 'requirement_pkey' } };
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'requirement_pkey')).toBe(true);
    expect(isUniqueViolation(error, 'other')).toBe(false);
  });

  it('tells a data or constraint error, which no retry cures, from a passing fault', () => {
    expect(uncurableDataError({ driverError: { code: '22P05' } })).toBe('22P05');
    expect(uncurableDataError({ code: '23502' })).toBe('23502');
    expect(uncurableDataError({ code: '54000' })).toBe('54000');
    expect(uncurableDataError({ code: '40001' })).toBeNull();
    expect(uncurableDataError({ code: '57014' })).toBeNull();
    expect(uncurableDataError({ code: 'ECONNREFUSED' })).toBeNull();
    expect(uncurableDataError(new Error('boom'))).toBeNull();
  });
});
