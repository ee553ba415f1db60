// `npm run cli -- backup | restore`: the embedded stack's data folder, as one archive.
import { join } from 'node:path';
import { fileStoreDirOf } from '@luyue/config';
import {
  backupDataFolder,
  BackupError,
  restoreDataFolder,
  findRepoRoot,
  stackDataDir,
} from '@luyue/devstack';
export const DATA_FOLDER_USAGE = `  backup          [--data <folder>] [--out <file.tar.gz>]
                  the stopped embedded stack (PostgreSQL cluster, Temporal's temporal.db,
                  uploaded files, dev secrets) as one archive; default out: backups/
  restore         --from <file.tar.gz> [--data <folder>]   into a folder that holds no stack`;

export const DATA_FOLDER_COMMANDS = new Set(['backup', 'restore']);

/** With these set the stack's data is not in the folder; the README says how to back it up. */
const EXTERNAL = ['DATABASE_URL', 'TEMPORAL_ADDRESS'] as const;

type Options = Record<string, string | boolean | undefined>;

const stamp = (at: Date): string =>
  at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export async function runDataFolderCommand(command: string, options: Options): Promise<void> {
  const external = EXTERNAL.filter((name) => process.env[name]);
  if (external.length > 0) {
    throw new BackupError(
      `${external.join(' and ')} ${external.length > 1 ? 'are' : 'is'} set: the data is not in an ` +
        'embedded data folder. Back up that PostgreSQL with pg_dump and Temporal with its own ' +
        'persistence (README, Backups)',
    );
  }
  const root = findRepoRoot();
  const data = typeof options.data === 'string' ? options.data : undefined;
  const env = { ...process.env, ...(data ? { DATA_DIR: data } : {}) };
  const dataDir = stackDataDir(env, root);
  const fileStoreDir = fileStoreDirOf({ ...env, DATA_DIR: dataDir });
  const log = (line: string): void => console.log(line);
  if (command === 'backup') {
    const out =
      typeof options.out === 'string'
        ? options.out
        : join(root, 'backups', `luyue-${stamp(new Date())}.tar.gz`);
    const done = await backupDataFolder({ dataDir, fileStoreDir, out, log });
    console.log(
      `backup written: ${done.archive} (${done.bytes} bytes, sha256 ${done.archiveSha256}, ` +
        `PostgreSQL ${done.postgresVersion})`,
    );
    return;
  }
  const from = options.from;
  if (typeof from !== 'string' || from === '') throw new BackupError('--from is required');
  const manifest = await restoreDataFolder({ archive: from, dataDir, fileStoreDir, log });
  console.log(
    `restored the backup of ${manifest.createdAt} into ${dataDir}; ` +
      `start it with DATA_DIR=${dataDir} npm start`,
  );
}
