import { DomainError } from '@luyue/domain';

/** True for PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  const inner = (e?.driverError ?? e) as { code?: unknown; constraint?: unknown };
  if (inner?.code !== '23505') return false;
  return constraint === undefined || inner.constraint === constraint;
}

// pg-pool's, pg's and node's words for a database that is not there or does not answer
// (`Query read timeout`: the client-side query_timeout, for a server that stopped answering).
const UNREACHABLE =
  /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|Query read timeout|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)/i;

// 57014 statement timeout, 57P01–57P03 shutdown, crash shutdown, cannot connect now (recovery).
const UNAVAILABLE_CODES = new Set(['57014', '57P01', '57P02', '57P03', 'ECONNREFUSED']);

/**
 * A PostgreSQL error that means the database is down or stalled (not a bad query): no connection
 * from the pool in time, a refused or dropped connection, or a statement cancelled by
 * `statement_timeout` (57014). Null otherwise.
 */
export function databaseUnavailable(error: unknown): DomainError | null {
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown };
  const inner = (e?.driverError ?? e) as { code?: unknown; message?: unknown };
  const code = typeof inner?.code === 'string' ? inner.code : '';
  const message = typeof inner?.message === 'string' ? inner.message : '';
  // TypeORM's word for a transaction whose connection was lost under it (the server went away).
  const name = (e as { name?: unknown })?.name;
  if (
    UNAVAILABLE_CODES.has(code) ||
    UNREACHABLE.test(message) ||
    name === 'QueryRunnerAlreadyReleasedError'
  ) {
    return new DomainError(
      'dependency_unavailable',
      'database.no_answer',
      {},
      { dependency: 'postgresql' },
    );
  }
  return null;
}

// 22 data exception (22P05 untranslatable character, 22001 too long…), 23 integrity constraint,
// 54 program limit (an index row too large): the same input fails the same way every time.
const UNCURABLE_CLASSES = new Set(['22', '23', '54']);

/**
 * The SQLSTATE of a PostgreSQL error that retrying the same statement cannot cure, else null:
 * a write that keeps failing this way must be refused, not retried for ever.
 */
export function uncurableDataError(error: unknown): string | null {
  const e = error as { code?: unknown; driverError?: unknown };
  const inner = (e?.driverError ?? e) as { code?: unknown };
  const code = typeof inner?.code === 'string' ? inner.code : '';
  return /^[0-9A-Z]{5}$/.test(code) && UNCURABLE_CLASSES.has(code.slice(0, 2)) ? code : null;
}
