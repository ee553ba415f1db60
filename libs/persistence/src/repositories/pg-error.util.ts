/** True for PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  const inner = (e?.driverError ?? e) as { code?: unknown; constraint?: unknown };
  if (inner?.code !== '23505') return false;
  return constraint === undefined || inner.constraint === constraint;
}
