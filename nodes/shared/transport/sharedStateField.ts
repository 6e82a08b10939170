import type { INodeProperties } from 'n8n-workflow';

/**
 * The field both WhatsApp credentials share: the Redis the nodes keep their shared state in when n8n
 * runs in queue mode (nodes/shared/sharedState). Credentials reach every n8n process, environment
 * variables would need setting on each. A password field: the URL carries Redis's password.
 */
export const sharedStateRedisUrlProperty: INodeProperties = {
	displayName: 'Redis URL for Shared State (Queue Mode)',
	name: 'sharedStateRedisUrl',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	placeholder: 'redis://:password@redis-host:6379/0',
	description:
		"Only when n8n runs in queue mode (workers, webhook processors): a Redis every n8n process reaches, e.g. the one of n8n's queue. The nodes then share one ceiling per number, the duplicate checks, the Already Sent keys and the Free Text requests of Send and Wait across processes. Leave empty for a single n8n process.",
};
