import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { buildBusinessProfileUpdate, type BusinessProfileUpdateInput, type BusinessVertical } from '../../../shared/whatsapp/account/businessProfile';
import type { OperationContext } from '../types';

/** Meta's wording in WhatsApp Manager. UNDEFINED is left out: it means "none set" and cannot be chosen back (Meta: Business profiles). */
const VERTICAL_LABELS: Record<Exclude<BusinessVertical, 'UNDEFINED'>, string> = {
	ALCOHOL: 'Alcoholic Beverages',
	APPAREL: 'Clothing and Apparel',
	AUTO: 'Automotive',
	BEAUTY: 'Beauty, Spa and Salon',
	EDU: 'Education',
	ENTERTAIN: 'Entertainment',
	EVENT_PLAN: 'Event Planning and Service',
	FINANCE: 'Finance and Banking',
	GOVT: 'Public Service',
	GROCERY: 'Food and Grocery',
	HEALTH: 'Medical and Health',
	HOTEL: 'Hotel and Lodging',
	NONPROFIT: 'Non-Profit',
	NOT_A_BIZ: 'Not a Business',
	ONLINE_GAMBLING: 'Online Gambling and Gaming',
	OTC_DRUGS: 'Over-the-Counter Drugs',
	OTHER: 'Other',
	PHYSICAL_GAMBLING: 'Non-Online Gambling and Gaming',
	PROF_SERVICES: 'Professional Services',
	RESTAURANT: 'Restaurant',
	RETAIL: 'Shopping and Retail',
	TRAVEL: 'Travel and Transportation',
};

const verticalOptions = Object.entries(VERTICAL_LABELS)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field to change',
		default: {},
		description: 'Only the fields added here are changed; the others keep their current value',
		options: [
			{ displayName: 'About', name: 'about', type: 'string', default: '', description: 'The short status line under the name, 1 to 139 characters' },
			{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Up to 256 characters' },
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Up to 512 characters' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Contact email, up to 128 characters' },
			{ displayName: 'Industry', name: 'vertical', type: 'options', options: verticalOptions, default: 'OTHER', description: 'The business category shown on the profile' },
			{
				displayName: 'Websites',
				name: 'websites',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Website' },
				default: [],
				placeholder: 'https://www.example.com',
				description: 'Up to 2 addresses, each starting with https:// or http://. This list replaces the current websites.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['businessProfile'], operation: ['update'] } }, properties);

/** Websites may come as the list above, or from an expression as an array or comma/line-separated text. */
function websiteList(value: unknown): string[] {
	const values = Array.isArray(value) ? value : [value];
	return values.flatMap((entry) => String(entry ?? '').split(/[\n,]+/)).map((site) => site.trim()).filter(Boolean);
}

/** Meta's Business profiles page: POST …/whatsapp_business_profile with the changed fields only, validated first. */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('updateFields', context.itemIndex, {}) as IDataObject;
	const input: BusinessProfileUpdateInput = {};
	for (const name of ['about', 'address', 'description', 'email', 'vertical'] as const) {
		if (fields[name] !== undefined) input[name] = String(fields[name]);
	}
	if (fields.websites !== undefined) input.websites = websiteList(fields.websites);
	const body = buildBusinessProfileUpdate(input);
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.businessProfile(context.connection),
		body: body as unknown as IDataObject,
		itemIndex: context.itemIndex,
	});
	const changed = Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'messaging_product'));
	const { phoneNumberId } = context.connection;
	return [
		{
			json: {
				success: (response.body as { success?: boolean }).success === true,
				updatedFields: Object.keys(changed),
				...changed,
				...(phoneNumberId ? { phoneNumberId } : {}),
			},
		},
	];
}
