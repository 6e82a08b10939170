import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { BUSINESS_PROFILE_FIELDS } from '../../../shared/whatsapp/account/businessProfile';
import type { OperationContext } from '../types';
import { profileFromResponse } from '../../transport/businessProfile';

const FIELD_NAMES: Record<(typeof BUSINESS_PROFILE_FIELDS)[number], string> = {
	about: 'About',
	address: 'Address',
	description: 'Description',
	email: 'Email',
	profile_picture_url: 'Profile Picture URL',
	vertical: 'Industry',
	websites: 'Websites',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: [],
		description: 'Which profile fields to return; none selected returns all',
		options: BUSINESS_PROFILE_FIELDS.map((field) => ({ name: FIELD_NAMES[field], value: field })),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['businessProfile'], operation: ['get'] } }, properties);

/** Meta's Business profiles page: GET …/whatsapp_business_profile?fields= (360dialog: /whatsapp_business_profile, docs/360dialog.md). */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const chosen = this.getNodeParameter('fields', context.itemIndex, []) as string[];
	const fields = chosen.length > 0 ? chosen : [...BUSINESS_PROFILE_FIELDS];
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'GET',
		url: endpoints.businessProfile(context.connection),
		qs: { fields: fields.join(',') },
		itemIndex: context.itemIndex,
	});
	const { phoneNumberId } = context.connection;
	return [{ json: { ...profileFromResponse(response.body), ...(phoneNumberId ? { phoneNumberId } : {}) } }];
}
