// Every migration's `down` on a scratch database of the stack's server (never the shared one):
// all up, all down (nothing left), all up again.
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, revertLastMigration, runMigrations } from '@luyue/persistence';
import { withDb, e2eStack } from '../helpers/e2e-stack';

const REQUIREMENT_TABLES = [
  'requirement',
  'requirement_counter',
  'requirement_transition',
  'requirement_work_log',
  'quota_entry',
  'requirement_breach',
];

const MIGRATION_COUNT = (dataSourceOptions('postgres://unused').migrations as unknown[]).length;
const name = `luyue_revert_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const scratchUrl = (): string => {
  const url = new URL(e2eStack().databaseUrl);
  url.pathname = `/${name}`;
  return url.href;
};

async function tables(): Promise<string[]> {
  const db = new PgClient({ connectionString: scratchUrl() });
  await db.connect();
  try {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  } finally {
    await db.end();
  }
}

beforeAll(() => withDb((db) => db.query(`CREATE DATABASE ${name}`)));
afterAll(() => withDb((db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

/** Tables a migration creates, checked to be gone once it is reverted. */
const OWNED: Readonly<Record<string, readonly string[]>> = {
  Remediation1764900000000: ['security_task_transition', 'security_task_breach'],
  ChangeRequests1764700000000: [
    'change_request',
    'change_request_counter',
    'change_request_transition',
    'change_request_breach',
    'stored_file',
  ],
  Idempotency1764600000000: ['idempotency_key'],
  Security1764800000000: [
    'security_notice',
    'security_report',
    'security_task',
    'security_asset_line',
    'security_finding',
  ],
  Requirements1763880000000: REQUIREMENT_TABLES,
  SecurityInfoFinding1765800000000: ['security_info_finding'],
};

/** Migrations that change existing tables only: reverting them drops no table. */
const ALTERS_ONLY: ReadonlySet<string> = new Set([
  'SecurityImportFailure1765000000000',
  'IdempotencySubject1765100000000',
  'QuotaChangeGrant1765210000000',
  'SecurityReportRetry1765250000000',
  'AssetLineUrl1765260000000',
  'SecurityReportIssuing1765300000000',
  'SecurityTaskNumber1765500000000',
  'NoticeIssuedSeverity1765800100000',
]);

describe('migrations', () => {
  it('revert to an empty schema, newest first, and apply again', async () => {
    expect(await runMigrations(scratchUrl())).toHaveLength(MIGRATION_COUNT);
    const all = await tables();
    expect(all).toEqual(expect.arrayContaining([...Object.values(OWNED).flat(), 'contract']));

    const newestFirst = (
      dataSourceOptions('postgres://unused').migrations as Array<new () => object>
    )
      .map((m) => m.name)
      .reverse();
    let before = all;
    for (const migration of newestFirst) {
      await revertLastMigration(scratchUrl());
      const after = await tables();
      // A revert only drops tables, and every table its migration owns.
      expect(after.filter((t) => !before.includes(t))).toEqual([]);
      const left = (OWNED[migration] ?? []).filter((t) => after.includes(t));
      expect({ migration, left }).toEqual({ migration, left: [] });
      if (ALTERS_ONLY.has(migration)) expect(after).toEqual(before);
      else expect(after.length).toBeLessThan(before.length);
      before = after;
    }
    expect(before).toEqual([]);

    expect(await runMigrations(scratchUrl())).toHaveLength(MIGRATION_COUNT);
    expect(await tables()).toEqual(all);
  });
});

describe('entities', () => {
  it('map only columns the migrated schema has', async () => {
    const ds = new DataSource(dataSourceOptions(e2eStack().databaseUrl));
    await ds.initialize();
    try {
      for (const entity of ds.entityMetadatas) {
        const { rows } = await withDb((db) =>
          db.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns WHERE table_name = $1`,
            [entity.tableName],
          ),
        );
        const columns = rows.map((r) => r.column_name);
        expect({
          table: entity.tableName,
          missing: entity.columns.map((c) => c.databaseName).filter((c) => !columns.includes(c)),
        }).toEqual({ table: entity.tableName, missing: [] });
      }
      expect(ds.entityMetadatas.length).toBeGreaterThan(0);
    } finally {
      await ds.destroy();
    }
  });
});
