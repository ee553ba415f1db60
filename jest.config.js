// Three tiers: unit (beside the code), workflow (time-skipping server), e2e (real api + worker + infra).
const swc = ['@swc/jest', { swcrc: true }];
const moduleNameMapper = {
  '^@luyue/(domain|calendar|persistence|notifications|temporal|devstack)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts'] },
    { ...common, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/helpers/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/e2e-global-teardown.ts',
    },
  ],
};
