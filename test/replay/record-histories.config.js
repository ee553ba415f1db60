// Recording is a deliberate act, not a test: `npm run record-histories -- <version>` (see README).
const { join } = require('node:path');
const base = require('../../jest.config.js');

const workflow = base.projects.find((p) => p.displayName === 'workflow');
module.exports = {
  ...workflow,
  rootDir: join(__dirname, '..', '..'),
  displayName: 'record-histories',
  testMatch: ['<rootDir>/test/replay/record-histories.ts'],
  testTimeout: 120_000,
};
