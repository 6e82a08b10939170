/**
 * End-to-end tests in n8n queue mode: main, a webhook processor and 2 workers sharing a scratch
 * Postgres and Redis (e2e/queue/cluster.ts). `npm run test:e2e:queue` builds, installs n8n, Postgres
 * and Redis first. One cluster per test file (start-up 20-40 s), files one after the other.
 */
module.exports = { ...require('./jest.e2e.config.js'), roots: ['<rootDir>/test/e2e-queue'] };
