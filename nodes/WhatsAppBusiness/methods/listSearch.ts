import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import { connectionForOptions } from './connection';

interface PhoneNumber {
	id: string;
	display_phone_number?: string;
	verified_name?: string;
}

/** The WABA's phone numbers (§5.3), all pages. */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, _filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const connection = await connectionForOptions.call(this);
	const response = await whatsAppRequest.call(this, connection, {
		method: 'GET',
		url: endpoints.phoneNumbers(connection),
		qs: { fields: 'id,display_phone_number,verified_name', limit: 100, ...(paginationToken ? { after: paginationToken } : {}) },
	});
	const body = response.body as { data?: PhoneNumber[]; paging?: { cursors?: { after?: string }; next?: string } };
	return {
		results: (body.data ?? []).map((number) => ({
			name: `${number.display_phone_number ?? number.id}${number.verified_name ? ` (${number.verified_name})` : ''}`,
			value: number.id,
		})),
		paginationToken: body.paging?.next ? body.paging.cursors?.after : undefined,
	};
}
