/** Form fields for template buttons that take a runtime value (Meta: Template components). */
import { buttonExample, upper } from './definition';
import { buttonFieldId } from './fieldIds';
import { placeholderKeys } from './placeholders';
import type { TemplateButtonDefinition, TemplateParameterField } from './types';

type Field = TemplateParameterField;

export function buttonFields(
	button: TemplateButtonDefinition,
	buttonIndex: number,
	prefix: string,
	where: string,
): Field[] {
	const label = `${where}Button ${buttonIndex + 1} "${button.text ?? upper(button.type)}"`;
	const base = { component: 'button' as const, buttonIndex };
	switch (upper(button.type)) {
		case 'QUICK_REPLY':
			return [{
				...base,
				id: buttonFieldId(buttonIndex, 'payload', prefix),
				displayName: `${label} Payload`,
				kind: 'payload',
				required: false,
				example: button.text,
				description: 'Returned in the webhook when the customer taps the button; defaults to the button text.',
			}];
		case 'URL':
			if (placeholderKeys(button.url ?? '').length === 0) return [];
			return [{
				...base,
				id: buttonFieldId(buttonIndex, 'url', prefix),
				displayName: `${label} URL Suffix`,
				kind: 'url_suffix',
				required: true,
				...(buttonExample(button) !== undefined ? { example: buttonExample(button) } : {}),
				description: `Replaces {{1}} at the end of ${button.url}.`,
			}];
		case 'COPY_CODE':
			return [{
				...base,
				id: buttonFieldId(buttonIndex, 'coupon_code', prefix),
				displayName: `${label} Coupon Code`,
				kind: 'coupon_code',
				required: true,
				...(buttonExample(button) !== undefined ? { example: buttonExample(button) } : {}),
				description: 'The code the customer copies: letters and digits only, max 20 characters.',
			}];
		case 'FLOW':
			return flowFields(buttonIndex, label, prefix);
		default:
			return [];
	}
}

function flowFields(buttonIndex: number, label: string, prefix: string): Field[] {
	const base = { component: 'button' as const, kind: 'flow' as const, required: false, buttonIndex };
	return [
		{
			...base,
			id: buttonFieldId(buttonIndex, 'flow_token', prefix),
			displayName: `${label} Flow Token`,
			description: 'Identifies this flow session in the completion webhook; Meta uses "unused" when empty.',
		},
		{
			...base,
			id: buttonFieldId(buttonIndex, 'flow_action_data', prefix),
			displayName: `${label} Flow Initial Data`,
			example: '{"product_id":"123"}',
			description: 'Optional JSON object with the data for the first screen of the flow.',
		},
	];
}
