import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

/**
 * n8n's community-node lint, as `n8n-node lint` runs it. Two deliberate choices:
 * - without the n8n Cloud rules: the package has runtime dependencies (see README), so it is
 *   self-hosted only;
 * - `no-runtime-dependencies` off for handlebars and libphonenumber-js, justified in the README.
 * The emulator, the CRM fakes, tests and tools are not part of the published package and are not linted here.
 */
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'e2e/**', 'emulator/**', 'fakes/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', '*.js', '*.mjs'] },
	...configWithoutCloudSupport,
	{
		// The domain core has no n8n imports by design: it throws its own errors, which the node
		// adapters turn into NodeApiError / NodeOperationError (nodes/shared/transport/errors.ts).
		// The shared state in Redis (nodes/shared/sharedState) has no n8n imports either.
		files: ['nodes/shared/whatsapp/**/*.ts', 'nodes/shared/crm/**/*.ts', 'nodes/shared/sharedState/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
];
