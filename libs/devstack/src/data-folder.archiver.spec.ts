import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { backupDataFolder, BackupError, restoreDataFolder } from './data-folder.archiver';

const log = (): void => undefined;

/** A stopped stack's folder, as the launcher leaves it, with a file store beside it. */
async function stoppedStack(root: string): Promise<{ dataDir: string; fileStoreDir: string }> {
  const dataDir = join(root, 'data');
  const fileStoreDir = join(root, 'uploads');
  await mkdir(join(dataDir, 'postgres', 'base'), { recursive: true });
  await mkdir(join(dataDir, 'temporal'), { recursive: true });
  await mkdir(join(dataDir, 'run'), { recursive: true });
  await mkdir(join(fileStoreDir, 'ab'), { recursive: true });
  await writeFile(join(dataDir, 'postgres', 'PG_VERSION'), '18\n');
  await writeFile(join(dataDir, 'postgres', 'base', '1'), 'rows');
  await writeFile(join(dataDir, 'postgres', 'postmaster.pid'), '999999\n');
  await writeFile(join(dataDir, 'temporal', 'temporal.db'), 'histories');
  await writeFile(join(dataDir, 'dev-secrets.json'), '{"JWT_SECRET":"s"}');
  await writeFile(join(dataDir, 'run', 'api.pid'), '999999\n');
  await writeFile(join(fileStoreDir, 'ab', 'abcdef'), 'proof');
  return { dataDir, fileStoreDir };
}

describe('data folder backup', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'luyue-archiver-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('restores what it kept, pid files and run/ left out, the file store where it belongs', async () => {
    const source = await stoppedStack(root);
    const out = join(root, 'b.tar.gz');
    const made = await backupDataFolder({ ...source, out, log });
    expect(made.entries.map((e) => e.path).sort()).toEqual([
      'dev-secrets.json',
      'files/ab/abcdef',
      'postgres/PG_VERSION',
      'postgres/base/1',
      'temporal/temporal.db',
    ]);
    expect(made.postgresVersion).toBe('18');
    const target = { dataDir: join(root, 'new'), fileStoreDir: join(root, 'new-uploads') };
    await restoreDataFolder({ archive: out, ...target, log });
    expect(await readFile(join(target.dataDir, 'postgres', 'base', '1'), 'utf8')).toBe('rows');
    expect(await readFile(join(target.dataDir, 'temporal', 'temporal.db'), 'utf8')).toBe(
      'histories',
    );
    expect(await readFile(join(target.fileStoreDir, 'ab', 'abcdef'), 'utf8')).toBe('proof');
    // The source is intact: the staging links were removed, not what they pointed at.
    expect(await readFile(join(source.dataDir, 'postgres', 'base', '1'), 'utf8')).toBe('rows');
  });

  it('refuses while a process of the stack is alive', async () => {
    const source = await stoppedStack(root);
    await writeFile(join(source.dataDir, 'run', 'worker.pid'), `${process.pid}\n`);
    await expect(backupDataFolder({ ...source, out: join(root, 'b.tar.gz'), log })).rejects.toThrow(
      /is running \(worker \(pid \d+\)\)/,
    );
  });

  it('refuses a tampered archive and leaves the target as it was', async () => {
    const source = await stoppedStack(root);
    const out = join(root, 'b.tar.gz');
    await backupDataFolder({ ...source, out, log });
    const unpacked = join(root, 'unpacked');
    await mkdir(unpacked);
    await tar.x({ file: out, cwd: unpacked });
    await writeFile(join(unpacked, 'postgres', 'base', '1'), 'other rows');
    const tampered = join(root, 'tampered.tar.gz');
    await tar.c({ gzip: true, file: tampered, cwd: unpacked }, ['.']);
    const target = { dataDir: join(root, 'new'), fileStoreDir: join(root, 'new-uploads') };
    await expect(restoreDataFolder({ archive: tampered, ...target, log })).rejects.toThrow(
      'postgres/base/1 does not match its checksum',
    );
    await expect(readFile(join(target.dataDir, 'postgres', 'PG_VERSION'))).rejects.toThrow();
  });

  it('never restores over a folder that holds a stack', async () => {
    const source = await stoppedStack(root);
    const out = join(root, 'b.tar.gz');
    await backupDataFolder({ ...source, out, log });
    await expect(restoreDataFolder({ archive: out, ...source, log })).rejects.toThrow(BackupError);
    expect(await readFile(join(source.dataDir, 'postgres', 'base', '1'), 'utf8')).toBe('rows');
  });
});
