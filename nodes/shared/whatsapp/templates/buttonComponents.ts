/** Send-time button components (Meta: Template components): one per button that carries a runtime value. */
import { WhatsAppValidationError } from '../validationError';
import { upper } from './definition';
import { buttonFieldId } from './fieldIds';
import { checkCouponCode, checkFlowActionData } from './parameterRules';
import type { SendButtonComponent, TemplateButtonDefinition, TemplateValues } from './types';
import { placeholderKeys } from './placeholders';
import { readValue } from './fieldValues';

/** Buttons whose parameters (catalog thumbnails, product sections) the field form cannot express. */
const UNSUPPORTED_BUTTONS = new Set(['CATALOG', 'MPM', 'SPM']);

export function buttonComponent(
	button: TemplateButtonDefinition,
	buttonIndex: number,
	values: TemplateValues,
	prefix = '',
): SendButtonComponent | undefined {
	const index = String(buttonIndex);
	const value = (part: Parameters<typeof buttonFieldId>[1]) => readValue(values, buttonFieldId(buttonIndex, part, prefix));
	const type = upper(button.type);
	switch (type) {
		case 'QUICK_REPLY':
			// The payload comes back in the button webhook (Meta: Messages webhook reference); the label is a readable default.
			return {
				type: 'button',
				sub_type: 'quick_reply',
				index,
				parameters: [{ type: 'payload', payload: value('payload') ?? button.text ?? '' }],
			};
		case 'URL': {
			if (placeholderKeys(button.url ?? '').length === 0) return undefined;
			const suffix = value('url') ?? '';
			return { type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text: suffix }] };
		}
		case 'COPY_CODE': {
			const code = checkCouponCode(value('coupon_code') ?? '', buttonFieldId(buttonIndex, 'coupon_code', prefix));
			return { type: 'button', sub_type: 'copy_code', index, parameters: [{ type: 'coupon_code', coupon_code: code }] };
		}
		case 'FLOW': {
			const data = value('flow_action_data');
			const action = {
				flow_token: value('flow_token') ?? 'unused', // Meta's documented default (Meta: Template components)
				...(data !== undefined
					? { flow_action_data: checkFlowActionData(data, buttonFieldId(buttonIndex, 'flow_action_data', prefix)) }
					: {}),
			};
			return { type: 'button', sub_type: 'flow', index, parameters: [{ type: 'action', action }] };
		}
		default:
			if (UNSUPPORTED_BUTTONS.has(type))
				throw new WhatsAppValidationError(
					`Button ${buttonIndex + 1} is a ${type} (catalog) button, which this template form cannot fill in.`,
					buttonFieldId(buttonIndex, 'payload', prefix).replace(/_payload$/, ''),
					'Send catalog and multi-product templates with components written as JSON.',
				);
			return undefined; // PHONE_NUMBER, VOICE_CALL and static URL buttons take no parameters
	}
}
