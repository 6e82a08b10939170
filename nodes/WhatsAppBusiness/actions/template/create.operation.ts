import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { buildTemplateCreateBody, type TemplateCreateButton, type TemplateCreateInput } from '../../../shared/whatsapp/templates';
import type { OperationContext } from '../types';
import { createProperties } from './createFields';

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['create'] } }, createProperties);

/** One row of the Buttons field: the core's create-button input, limited to what the form asks. */
type ButtonForm = Pick<TemplateCreateButton, 'type' | 'text' | 'url' | 'example' | 'phoneNumber' | 'flowId' | 'flowAction' | 'navigateScreen'>;

const blankToUndefined = (value: unknown) => (value === undefined || value === null || String(value).trim() === '' ? undefined : String(value));

/** Only the fields that belong to the chosen button type: a hidden URL must not reach a quick reply. */
function buttonInput(form: ButtonForm): TemplateCreateButton {
	switch (form.type) {
		case 'URL':
			return { type: 'URL', text: form.text, url: form.url, example: blankToUndefined(form.example) };
		case 'PHONE_NUMBER':
			return { type: 'PHONE_NUMBER', text: form.text, phoneNumber: form.phoneNumber };
		case 'COPY_CODE':
			return { type: 'COPY_CODE', example: form.example };
		case 'FLOW':
			return { type: 'FLOW', text: form.text, flowId: form.flowId, flowAction: form.flowAction, navigateScreen: blankToUndefined(form.navigateScreen) };
		default:
			return { type: form.type, text: form.text };
	}
}

function createInput(this: IExecuteFunctions, i: number): TemplateCreateInput {
	const get = <T>(name: string, fallback: T) => this.getNodeParameter(name, i, fallback) as T;
	const category = get<string>('category', 'UTILITY');
	const ttl = get<IDataObject>('createOptions', {}).messageSendTtlSeconds;
	const common = {
		name: get('name', ''),
		language: get('language', ''),
		category,
		...(ttl !== undefined ? { messageSendTtlSeconds: Number(ttl) } : {}),
	};
	if (category === 'AUTHENTICATION') {
		const otpType = get<'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP'>('otpType', 'COPY_CODE');
		const minutes = get('codeExpirationMinutes', 0);
		const app = { packageName: get('packageName', ''), signatureHash: get('signatureHash', '') };
		return {
			...common,
			addSecurityRecommendation: get('addSecurityRecommendation', true),
			...(minutes > 0 ? { codeExpirationMinutes: minutes } : {}),
			buttons: [
				{
					type: 'OTP',
					otpType,
					...(otpType === 'COPY_CODE' ? {} : { supportedApps: [app] }),
					...(otpType === 'ZERO_TAP' ? { zeroTapTermsAccepted: get('zeroTapTermsAccepted', false) } : {}),
				},
			],
		};
	}
	const examples = get<{ example?: Array<{ variable: string; value: string }> }>('bodyExamples', {}).example ?? [];
	const headerFormat = get<string>('headerFormat', 'NONE');
	return {
		...common,
		parameterFormat: blankToUndefined(get('parameterFormat', '')),
		headerFormat,
		headerText: headerFormat === 'TEXT' ? get('headerText', '') : undefined,
		headerExample: headerFormat === 'TEXT' ? blankToUndefined(get('headerExample', '')) : undefined,
		headerHandle: ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(headerFormat) ? get('headerHandle', '') : undefined,
		bodyText: get('bodyText', ''),
		bodyExamples: Object.fromEntries(examples.map((entry) => [entry.variable.replace(/[{}\s]/g, ''), entry.value])),
		footerText: blankToUndefined(get('footerText', '')),
		buttons: (get<{ button?: ButtonForm[] }>('buttons', {}).button ?? []).map(buttonInput),
	};
}

/**
 * Meta's Templates overview page: the template is checked against Meta's limits (names, lengths, variables, examples,
 * buttons) before anything is sent, so a mistake costs no request and no review round.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const body = buildTemplateCreateBody(createInput.call(this, i));
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.templates(context.connection),
		body: body as unknown as IDataObject,
		itemIndex: i,
	});
	const reply = response.body as IDataObject;
	return [
		{
			json: {
				id: reply.id !== undefined ? String(reply.id) : undefined,
				status: String(reply.status ?? '').toUpperCase() || undefined,
				category: String(reply.category ?? body.category).toUpperCase(),
				name: body.name,
				language: body.language,
			},
		},
	];
}
