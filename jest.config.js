// Eight tiers: unit (beside the code), workflow (time-skipping server), replay (recorded histories
// against the current workflow code), e2e (real api + worker + infra), fuzz (schemathesis against
// the e2e stack's OpenAPI document), fault (faults injected into a private stack of its own),
// cluster (two apis and two workers on one Temporal and PostgreSQL, one of each killed),
// browser (e2e in Chromium).
const swc = ['@swc/jest', { swcrc: true }];
const moduleNameMapper = {
  '^@luyue/temporal/definitions$': '<rootDir>/libs/temporal/src/definitions/index.ts',
  '^@luyue/(requirement|change-request|security|fault-ticket|duty|assessment)/definitions$':
    '<rootDir>/libs/$1/src/definitions.ts',
  '^@luyue/(domain|calendar|persistence|notifications|temporal|devstack|config|requirement|change-request|security|fault-ticket|duty|assessment)$':
    '<rootDir>/libs/$1/src/index.ts',
};
// ESM-only packages (see test/helpers/esm-to-cjs.transform.js) are compiled, the rest left alone.
const esmPackages = [
  '@nestjs',
  'typeorm',
  'uid',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
];
const common = {
  // The fuzz tier's Python environment is thousands of files jest need not crawl.
  modulePathIgnorePatterns: ['<rootDir>/.venv-fuzz/'],
  transform: {
    '^.+\\.ts$': swc,
    '^.+\\.m?js$': '<rootDir>/test/helpers/esm-to-cjs.transform.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};
module.exports = {
  // Real servers answer in milliseconds, but a cold JVM or Temporal on 2 busy cores may not.
  testTimeout: 60_000,
  testSequencer: '<rootDir>/test/helpers/fuzz-last.sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/workflow/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'replay',
      testMatch: ['<rootDir>/test/replay/*.replay.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/helpers/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/e2e-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'fuzz',
      testMatch: ['<rootDir>/test/fuzz/*.fuzz.ts'],
      globalSetup: '<rootDir>/test/helpers/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/e2e-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/*.browser.ts'],
      globalSetup: '<rootDir>/test/helpers/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/e2e-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'fault',
      testMatch: ['<rootDir>/test/fault/*.fault.ts'],
      // A stack of its own: the shared e2e stack must stay whole.
      globalSetup: '<rootDir>/test/helpers/fault-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/fault-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/*.cluster.ts'],
      // Two apis and two workers of its own: it kills one of each.
      globalSetup: '<rootDir>/test/helpers/cluster-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/e2e-global-teardown.ts',
    },
  ],
};
