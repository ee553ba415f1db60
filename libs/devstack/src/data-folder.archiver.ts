import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import {
  chmod,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import * as tar from 'tar';
import type { LogFn } from './log.types';
import { commandLineOf, isProcessAlive, readPidFile } from './process-liveness.util';

/** What of the embedded stack's data folder a backup holds, relative to the folder. */
const KEPT = [
  'postgres', // the PostgreSQL cluster (stopped, so a plain copy is consistent)
  'temporal', // temporal.db: workflows, histories and their timers
  'files', // uploaded attachments, documents and proof
  'mail', // what the development mail sink received
  'dev-secrets.json', // JWT, link-token and admin secrets: mailed links stay valid
  'demo-credentials.json',
] as const;

/** Written while the stack runs and meaningless after it stops. */
const TRANSIENT = new Set(['postmaster.pid', 'temporal.pid']);

/** The processes of a running stack, by pid file; any alive means a copy is not consistent. */
const PID_FILES = [
  'postgres/postmaster.pid',
  'temporal/temporal.pid',
  'run/api.pid',
  'run/worker.pid',
];

const MANIFEST_NAME = 'luyue-backup.json';
const FORMAT = 1;

export interface BackupEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: number;
  createdAt: string;
  from: string;
  postgresVersion: string;
  entries: BackupEntry[];
}

export class BackupError extends Error {}

/** The pid and name of a process that still uses the data folder, if any. */
async function runningIn(dataDir: string): Promise<string | undefined> {
  for (const file of PID_FILES) {
    const pid = await readPidFile(join(dataDir, file));
    if (pid === undefined || !isProcessAlive(pid)) continue;
    // A recycled pid belongs to something else; without procfs, assume it is ours.
    const commandLine = commandLineOf(pid);
    if (commandLine === undefined || commandLine.includes(dataDir) || file.startsWith('run/')) {
      return `${file
        .split('/')
        .pop()!
        .replace(/\.pid$/, '')} (pid ${pid})`;
    }
  }
  return undefined;
}

/**
 * A cold, consistent copy of the embedded stack: PostgreSQL's cluster and Temporal's SQLite
 * file from the same moment, because nothing runs. pg_dump is not among the embedded binaries,
 * and a copy of a running cluster or of temporal.db alone would not match the other.
 */
export async function backupDataFolder(options: {
  dataDir: string;
  fileStoreDir: string;
  out: string;
  log: LogFn;
}): Promise<BackupManifest & { archive: string; bytes: number; archiveSha256: string }> {
  const dataDir = resolve(options.dataDir);
  const versionFile = join(dataDir, 'postgres', 'PG_VERSION');
  if (!existsSync(versionFile)) {
    throw new BackupError(`${dataDir} holds no embedded PostgreSQL cluster: nothing to back up`);
  }
  const running = await runningIn(dataDir);
  if (running) {
    throw new BackupError(
      `the stack using ${dataDir} is running (${running}): stop it (Ctrl-C on npm start) and ` +
        'back up again; only a stopped stack gives PostgreSQL and Temporal from the same moment',
    );
  }
  const fileStore = resolve(options.fileStoreDir);
  const roots = KEPT.map((name) => ({
    name,
    dir: name === 'files' ? fileStore : join(dataDir, name),
  })).filter((r) => existsSync(r.dir));
  const entries: BackupEntry[] = [];
  for (const root of roots) {
    for (const file of await filesUnder(root.dir)) {
      const path = [root.name, relative(root.dir, file)].filter(Boolean).join('/');
      entries.push({ path, ...(await digest(file)) });
    }
  }
  const manifest: BackupManifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    from: dataDir,
    postgresVersion: (await readFile(versionFile, 'utf8')).trim(),
    entries,
  };

  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  const staging = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}`);
  const partial = `${out}.partial`;
  try {
    // A folder with the archive's layout: the manifest, and links to what it lists (the file
    // store may live outside the data folder), archived with the links followed.
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const root of roots) await symlink(root.dir, join(staging, root.name));
    await tar.c(
      { gzip: true, file: partial, cwd: staging, follow: true, portable: true, filter: keep },
      [MANIFEST_NAME, ...roots.map((r) => r.name)],
    );
    await chmod(partial, 0o600); // it holds the secrets and every record
    await rename(partial, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
  const archived = await digest(out);
  options.log(`[backup] ${entries.length} files from ${dataDir} → ${out}`);
  return { ...manifest, archive: out, bytes: archived.size, archiveSha256: archived.sha256 };
}

/**
 * Restores a backup into a data folder that holds no stack yet. Everything is unpacked and
 * checked against the manifest beside the target first, then moved in; a damaged archive
 * leaves the target as it was.
 */
export async function restoreDataFolder(options: {
  archive: string;
  dataDir: string;
  fileStoreDir: string;
  log: LogFn;
}): Promise<BackupManifest> {
  const dataDir = resolve(options.dataDir);
  const fileStore = resolve(options.fileStoreDir);
  const archive = resolve(options.archive);
  if (!existsSync(archive)) throw new BackupError(`${archive} does not exist`);
  for (const [what, path] of [
    ['a PostgreSQL cluster', join(dataDir, 'postgres')],
    ['Temporal data', join(dataDir, 'temporal')],
    ['uploaded files', fileStore],
  ] as const) {
    if (existsSync(path) && (await readdir(path)).length > 0) {
      throw new BackupError(
        `${dataDir} already holds ${what} (${path}): restore into an empty data folder ` +
          '(DATA_DIR or --data), or move that one away first',
      );
    }
  }
  await mkdir(dirname(dataDir), { recursive: true });
  const staging = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(staging, { recursive: true });
    await tar.x({ file: archive, cwd: staging, strict: true }).catch((error: Error) => {
      throw new BackupError(`${archive} is not a readable luyue backup: ${error.message}`);
    });
    const manifest = await verify(staging);
    await mkdir(dataDir, { recursive: true });
    for (const name of KEPT) {
      const from = join(staging, name);
      if (!existsSync(from)) continue;
      const to = name === 'files' ? fileStore : join(dataDir, name);
      await rm(to, { recursive: true, force: true }); // empty, checked above
      await mkdir(dirname(to), { recursive: true });
      await rename(from, to);
    }
    options.log(`[restore] ${manifest.entries.length} files of ${manifest.createdAt} → ${dataDir}`);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function verify(staging: string): Promise<BackupManifest> {
  const text = await readFile(join(staging, MANIFEST_NAME), 'utf8').catch(() => {
    throw new BackupError(`the archive has no ${MANIFEST_NAME}: not a luyue backup`);
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== FORMAT || !Array.isArray(manifest.entries)) {
    throw new BackupError(`backup format ${String(manifest.format)} is not ${FORMAT}`);
  }
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  const found = (await filesUnder(staging))
    .map((file) => relative(staging, file).split(sep).join('/'))
    .filter((path) => path !== MANIFEST_NAME);
  for (const path of found) {
    if (!listed.has(path)) throw new BackupError(`${path} is in the archive but not its manifest`);
  }
  for (const entry of manifest.entries) {
    const file = join(staging, ...entry.path.split('/'));
    if (!existsSync(file)) throw new BackupError(`${entry.path} is missing from the archive`);
    const actual = await digest(file);
    if (actual.sha256 !== entry.sha256 || actual.size !== entry.size) {
      throw new BackupError(`${entry.path} does not match its checksum: the archive is damaged`);
    }
  }
  return manifest;
}

function keep(path: string): boolean {
  return !TRANSIENT.has(basename(path));
}

async function filesUnder(dir: string): Promise<string[]> {
  const info = await stat(dir);
  if (info.isFile()) return keep(dir) ? [dir] : [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile() && keep(path)) found.push(path);
  }
  return found;
}

async function digest(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}
