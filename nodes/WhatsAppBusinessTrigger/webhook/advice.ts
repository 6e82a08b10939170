import type { IDataObject } from 'n8n-workflow';
import { describeMetaError } from '../../shared/whatsapp/errors';
import type { WhatsAppEvent } from '../../shared/whatsapp/webhook';

/**
 * Failed statuses and unsupported messages carry Meta error codes (Meta: Status messages webhook reference, Messages webhook reference); each gets the
 * same plain advice the WhatsApp Business node gives, e.g. 131047 → "send a template instead".
 */
export function eventJsonWithAdvice(event: WhatsAppEvent): IDataObject {
	const json = event as unknown as IDataObject;
	const errors = (event as { errors?: Array<{ code: number }> }).errors;
	if (!errors?.length) return json;
	return {
		...json,
		errors: errors.map((error) => {
			const { advice, retryable, category } = describeMetaError(error.code);
			return { ...error, advice, retryable, category };
		}),
	};
}
