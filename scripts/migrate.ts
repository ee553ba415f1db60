// `npm run migrate` (or `-- --revert` to undo the last one): explicit migrations for real deployments.
import { revertLastMigration, runMigrations } from '@luyue/persistence';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  if (process.argv.includes('--revert')) {
    await revertLastMigration(url);
    console.log('[migrate] reverted the last migration');
    return;
  }
  const ran = await runMigrations(url);
  console.log(ran.length ? `[migrate] applied ${ran.join(', ')}` : '[migrate] up to date');
}

main().catch((err: unknown) => {
  console.error('[migrate] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
