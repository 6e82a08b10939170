import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { describePhoneNumberHealth, type GraphPhoneNumber } from '../../../shared/whatsapp/account/phoneNumberHealth';
import { resultLimit, returnAllOrLimitFields } from '../commonFields';
import type { OperationContext } from '../types';
import { HEALTH_FIELDS } from '../../transport/phoneNumbers';

export const description = updateDisplayOptions({ show: { resource: ['phoneNumber'], operation: ['list'] } }, returnAllOrLimitFields);

/** Meta's Phone numbers page: Meta pages at most 100 numbers per request. */
const PAGE_SIZE_MAX = 100;

interface PhoneNumberPage {
	data?: GraphPhoneNumber[];
	paging?: { cursors?: { after?: string }; next?: string };
}

/** Meta's Phone numbers page: GET /{waba-id}/phone_numbers, following `paging.cursors.after` while `paging.next` says there is more. */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const limit = resultLimit.call(this, i);
	const numbers: GraphPhoneNumber[] = [];
	let after: string | undefined;
	do {
		const response = await whatsAppRequest.call(this, context.connection, {
			method: 'GET',
			url: endpoints.phoneNumbers(context.connection),
			qs: { fields: HEALTH_FIELDS, limit: Math.min(PAGE_SIZE_MAX, limit - numbers.length), ...(after ? { after } : {}) },
			itemIndex: i,
		});
		const page = response.body as PhoneNumberPage;
		numbers.push(...(page.data ?? []));
		after = page.paging?.next ? page.paging.cursors?.after : undefined;
	} while (after && numbers.length < limit);
	return numbers.slice(0, limit).map((phoneNumber) => ({ json: { ...describePhoneNumberHealth(phoneNumber) } }));
}
