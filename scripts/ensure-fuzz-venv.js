// Creates the fuzz tier's Python virtual environment (.venv-fuzz, git-ignored) with the pinned
// schemathesis from PyPI when it is missing or holds another version. Plain Node, like ensure-deps.js.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const SCHEMATHESIS_VERSION = '4.32.5';
const root = join(__dirname, '..');
const venv = join(root, '.venv-fuzz');
const python = join(venv, 'bin', 'python');
const stampFile = join(venv, '.luyue-schemathesis');
const wanted = `schemathesis==${SCHEMATHESIS_VERSION}`;

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[fuzz-venv] ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
};

const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (stamp === wanted && existsSync(python)) process.exit(0);

if (!existsSync(python)) {
  console.error(`[fuzz-venv] creating ${venv} (python3 -m venv; Debian needs python3-venv)`);
  run('python3', ['-m', 'venv', venv]);
}
console.error(`[fuzz-venv] pip install ${wanted}`);
run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', wanted]);
writeFileSync(stampFile, `${wanted}\n`);
