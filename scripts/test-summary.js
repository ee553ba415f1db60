// Prints one closing line over every jest run of `npm test`: "N passed, N failed".
const { readFileSync, existsSync } = require('node:fs');
const files = process.argv.slice(2).filter((f) => existsSync(f));
let passed = 0;
let failed = 0;
for (const f of files) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
