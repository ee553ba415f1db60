// Creates the fuzz tier's Python virtual environment (.venv-fuzz, git-ignored) with the pinned
// schemathesis from PyPI when it is missing, holds another version, or runs on another Python than
// the one chosen below. Plain Node, like ensure-deps.js.
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const SCHEMATHESIS_VERSION = '4.32.5';
// CPython 3.11's AST constructor trips its own recursion counter in schemathesis's coverage phase
// now and then; 3.12 and 3.13 do not. The newest of them found is used, else the default python3.
const PREFERRED = ['3.13', '3.12'];
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

/** The interpreter's major.minor when it runs (and can make a venv, when asked), else null. A
 * pyenv shim of a version not selected is on PATH but fails, so each is asked, not looked up. */
const versionOf = (cmd, canMakeVenv = true) => {
  const modules = canMakeVenv ? 'sys, ensurepip, venv' : 'sys';
  const r = spawnSync(cmd, ['-c', `import ${modules}; print("%d.%d" % sys.version_info[:2])`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** python3.13 or python3.12 on PATH, then pyenv's installed ones, newest first. */
function preferredPython() {
  const pyenvVersions = join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions');
  const installed = existsSync(pyenvVersions) ? readdirSync(pyenvVersions) : [];
  for (const minor of PREFERRED) {
    const fromPyenv = installed
      .filter((v) => v.startsWith(`${minor}.`) && /^\d+\.\d+\.\d+$/.test(v))
      .sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]))
      .map((v) => join(pyenvVersions, v, 'bin', `python${minor}`));
    for (const cmd of [`python${minor}`, ...fromPyenv]) {
      if (versionOf(cmd) === minor) return { cmd, version: minor };
    }
  }
  return { cmd: 'python3', version: versionOf('python3') };
}

const chosen = preferredPython();
const current = existsSync(python) ? versionOf(python, false) : null;
// A python3 that cannot make a venv (no python3-venv) leaves a working one as it is.
const keep = current !== null && (chosen.version === null || current === chosen.version);
const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (keep && stamp === wanted) process.exit(0);

if (!keep) {
  console.error(
    `[fuzz-venv] creating ${venv} (${chosen.cmd} -m venv, Python ${chosen.version ?? '?'}; ` +
      'Debian needs python3-venv)',
  );
  run(chosen.cmd, ['-m', 'venv', '--clear', venv]);
}
console.error(`[fuzz-venv] pip install ${wanted}`);
run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', wanted]);
writeFileSync(stampFile, `${wanted}\n`);
