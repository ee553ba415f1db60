import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The server-side bound on one statement. */
export const STATEMENT_TIMEOUT_MS = 15_000;

export interface DataSourceTuning {
  /**
   * The client's own bound on one query, for a server that no longer answers at all (stopped,
   * unreachable), where the server's statement_timeout never fires. Longer than that timeout,
   * so a live server's answer wins. Off by default: the worker's long imports need it off, and
   * Temporal bounds its activities anyway.
   */
  queryTimeoutMs?: number;
}

export function dataSourceOptions(url: string, tuning: DataSourceTuning = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Bounded waits: a stalled database fails a request after seconds instead of hanging it.
    extra: {
      max: 10,
      application_name: 'luyue',
      connectionTimeoutMillis: 5_000,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      ...(tuning.queryTimeoutMs ? { query_timeout: tuning.queryTimeoutMs } : {}),
    },
  };
}

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Reverts the most recent migration (operators only). */
export async function revertLastMigration(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
