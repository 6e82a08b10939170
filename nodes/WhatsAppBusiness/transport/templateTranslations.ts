import type { IExecuteFunctions } from 'n8n-workflow';
import type { WhatsAppConnection } from '../../shared/transport';
import { fetchTemplatesNamedOrSimilar, type StoredTemplate } from './templates';

export interface TemplateTranslations {
	translations: StoredTemplate[];
	/** When it does not exist: the names the user probably meant, best first (similarTemplateNames). */
	similarNames: string[];
}

/**
 * Template definitions read at run time (so a template edited since the workflow was built is
 * sent as it is now), once per name per execution: 1,000 items cost one lookup, not 1,000.
 * Keyed by the execution context, so nothing outlives the run.
 */
const cacheByExecution = new WeakMap<object, Map<string, Promise<TemplateTranslations>>>();

export async function templateTranslations(
	this: IExecuteFunctions,
	connection: WhatsAppConnection,
	name: string,
	itemIndex: number,
): Promise<TemplateTranslations> {
	const cache = cacheByExecution.get(this) ?? new Map<string, Promise<TemplateTranslations>>();
	cacheByExecution.set(this, cache);
	const key = [connection.provider, connection.host, connection.wabaId ?? '', name].join('\u0000');
	let pending = cache.get(key);
	if (!pending) {
		pending = fetchTemplatesNamedOrSimilar.call(this, connection, name, itemIndex);
		cache.set(key, pending);
		// A failed lookup (network, permissions) is not remembered: the next item tries again.
		pending.catch(() => cache.delete(key));
	}
	return await pending;
}
