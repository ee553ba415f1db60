import { databaseUnavailable, isUniqueViolation } from './pg-error.util';

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
});
