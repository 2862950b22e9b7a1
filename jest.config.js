// Tests run from the compiled output, so unit and end-to-end tests exercise the same build the bin uses.
/** @type {import('jest').Config} */
module.exports = {
  roots: ['<rootDir>/dist/tests'],
  testMatch: ['**/*.test.js'],
  setupFiles: ['<rootDir>/dist/tests/support/jestSetup.js'],
  testEnvironment: 'node',
  testTimeout: 30000,
};
