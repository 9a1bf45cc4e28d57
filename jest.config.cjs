// @swc/jest compiles TS (and the ESM-only NestJS 12 / PGlite packages) to CommonJS.
// The whole-path negative lookahead also catches nested ESM deps (…/node_modules/x/node_modules/cookie).
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // *.disruptive.spec.ts restart shared servers (the Kafka broker): only with TL_DISRUPTIVE=1, which
  // `npm test` sets for a second, in-band run after everything else passed.
  testPathIgnorePatterns: process.env.TL_DISRUPTIVE === '1' ? ['/node_modules/'] : ['/node_modules/', '\\.disruptive\\.spec\\.ts$'],
  transform: {
    '^.+\\.(t|j|cj|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/(@nestjs|cookie|@electric-sql|uuid|jose)/).*/node_modules/'],
  moduleNameMapper: {
    '^@tenderledger/domain-kit/testing$': '<rootDir>/libs/domain-kit/src/testing/index.ts',
    '^@tenderledger/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  setupFiles: ['<rootDir>/test/support/fast-check-setup.cjs'],
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
