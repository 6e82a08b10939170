/**
 * End-to-end tests: a real n8n 2.41 (e2e/install.sh) with this package installed as a community
 * package, against the local Cloud API emulator. `npm run test:e2e` builds and installs first.
 * One n8n per test file (start-up 30-90 s), files one after the other.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }] },
  testTimeout: 180000,
  maxWorkers: 1,
};
