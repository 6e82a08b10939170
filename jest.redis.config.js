/**
 * Tests of the shared state in Redis (queue mode): nodes run in n8n-core's real contexts against the
 * emulator and a real redis-server each suite starts on a free port. `npm run test:redis` installs
 * Debian's redis-server first (e2e/queue/install.sh) when it is missing.
 */
module.exports = { ...require('./jest.config.js'), roots: ['<rootDir>/test/redis'], testPathIgnorePatterns: ['/node_modules/'] };
