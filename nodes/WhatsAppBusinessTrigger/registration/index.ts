import { NodeApiError, NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { WhatsAppConfigurationError } from '../../shared/transport';
import { readSettings } from '../settings';
import { dialog360Create, dialog360Delete, dialog360DeleteWithoutRecord, dialog360Exists } from './dialog360';
import { metaCreate, metaDelete, metaExists } from './meta';
import { loadRecord } from './registrationRecord';

/** Our plain errors become n8n errors with the fix as description; n8n's own pass through. */
function asNodeError(context: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof WhatsAppConfigurationError) return new NodeOperationError(context.getNode(), error.message, { description: error.fix });
	return new NodeOperationError(context.getNode(), error as Error);
}

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for this trigger', { description: 'Save the workflow and activate it again.' });
	return url;
}

async function guarded<T>(context: IHookFunctions, step: () => Promise<T>): Promise<T> {
	try {
		return await step();
	} catch (error) {
		throw asNodeError(context, error);
	}
}

/**
 * n8n calls checkExists on activation (and for test webhooks), then create when it returns false,
 * and delete on deactivation. Manual registration calls nothing.
 */
export const registrationMethods = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		const settings = readSettings.call(this);
		if (settings.registration === 'manual') return true;
		const url = webhookUrlOf(this);
		return await guarded(this, async () =>
			settings.registration === 'dialog360' ? await dialog360Exists.call(this, url) : await metaExists.call(this, url, settings),
		);
	},

	async create(this: IHookFunctions): Promise<boolean> {
		const settings = readSettings.call(this);
		if (settings.registration === 'manual') return true;
		const url = webhookUrlOf(this);
		return await guarded(this, async () =>
			settings.registration === 'dialog360' ? await dialog360Create.call(this, url, settings) : await metaCreate.call(this, url, settings),
		);
	},

	/**
	 * Undoes what the record says, whatever the registration setting is now. Without a record (an
	 * execute node's save replaced the static data), the provider's current configuration is read
	 * and what points at this workflow's URL removed: Meta's (undoWithoutRecord.ts) or 360dialog's
	 * (dialog360.ts).
	 */
	async delete(this: IHookFunctions): Promise<boolean> {
		const record = loadRecord(this);
		if (record) return await guarded(this, async () => (record.registration === 'dialog360' ? await dialog360Delete.call(this) : await metaDelete.call(this, record.webhookUrl)));
		const { registration } = readSettings.call(this);
		if (registration === 'manual') return true;
		const url = webhookUrlOf(this);
		return await guarded(this, async () => (registration === 'dialog360' ? await dialog360DeleteWithoutRecord.call(this, url) : await metaDelete.call(this, url)));
	},
};
