/** Unit tests (core), emulator tests, node tests (nodes run against the emulator over real HTTP). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // test/redis needs a redis-server: jest.redis.config.js (npm run test:redis). End-to-end tests run a real n8n: jest.e2e.config.js (npm run test:e2e), jest.e2e-queue.config.js (npm run test:e2e:queue).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/e2e-queue/', '<rootDir>/test/redis/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }] },
  testTimeout: 30000,
};
