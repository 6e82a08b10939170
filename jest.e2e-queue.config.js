/**
 * End-to-end tests in n8n queue mode: main, a webhook processor and 2 workers sharing a scratch
 * Postgres and Redis (e2e/queue/cluster.ts). `npm run test:e2e:queue` builds, installs n8n, Postgres
 * and Redis first. One cluster per test file (start-up about 35 s), files one after the other.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e-queue'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }] },
  testTimeout: 180000,
  maxWorkers: 1,
};
