import type { INodeProperties } from 'n8n-workflow';

/**
 * The Provider selector both WhatsApp nodes show first. Its values are the `Provider`s a
 * connection is built for (connection.ts); each node shows one credential per value.
 */
export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'WhatsApp Cloud API (Meta)', value: 'cloudApi' },
		{ name: '360dialog', value: 'dialog360' },
	],
	default: 'cloudApi',
};
