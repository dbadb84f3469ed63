/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // Type checking is done by `npm run typecheck` and the jsii build; tests only transpile.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  // The library's entry, imported by a test or an example, as getters that load each export's module on first use.
  resolver: '<rootDir>/test/helpers/library-resolver.cjs',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  testTimeout: 30000,
  // One worker per core: jest's default (cores - 1) leaves one of two cores idle while the example
  // and CLI tests wait on their child processes.
  maxWorkers: '100%',
};
