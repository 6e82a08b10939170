/** BUTTONS rules and JSON for template creation (Meta: Templates overview "BUTTONS limits"). */
import { compactPhoneNumber } from '../phone';
import { WhatsAppValidationError } from '../validationError';
import type { TemplateCreateButton } from './createTypes';
import { rawPlaceholders } from './createText';
import { upper } from './definition';

const BUTTON_MAX = 10;
const LABEL_MAX = 25;
const URL_MAX = 2000;
const PHONE_MAX = 20;
const COPY_CODE_EXAMPLE_MAX = 15;
const PER_TYPE_MAX: Record<string, number> = { QUICK_REPLY: 10, URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1 };
const TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'FLOW'];

const fail = (message: string, field: string, fix: string): never => {
	throw new WhatsAppValidationError(message, field, fix);
};

export function checkButtons(buttons: TemplateCreateButton[]): void {
	if (buttons.length > BUTTON_MAX)
		fail(`The template has ${buttons.length} buttons; Meta allows at most ${BUTTON_MAX}.`, 'buttons', `Remove ${buttons.length - BUTTON_MAX} button(s) so that at most ${BUTTON_MAX} remain.`);
	const types = buttons.map((button) => upper(button.type));
	for (const [type, max] of Object.entries(PER_TYPE_MAX)) {
		const count = types.filter((candidate) => candidate === type).length;
		if (count > max)
			fail(`The template has ${count} ${type} buttons; Meta allows at most ${max}.`, 'buttons', `Keep at most ${max} ${type} button${max > 1 ? 's' : ''}.`);
	}
	// "QR, URL, QR" is invalid: quick replies sit together before or after the others.
	const switches = types.slice(1).filter((type, index) => (type === 'QUICK_REPLY') !== (types[index] === 'QUICK_REPLY')).length;
	if (switches > 1)
		fail('Quick-reply buttons are mixed in between other buttons.', 'buttons',
			'Put all QUICK_REPLY buttons together, either before or after the other buttons.');
	buttons.forEach((button, index) => checkButton(button, index));
}

function checkButton(button: TemplateCreateButton, index: number): void {
	const type = upper(button.type);
	const field = `buttons[${index}]`;
	const name = `Button ${index + 1}`;
	if (type === 'OTP')
		fail(`${name} is an OTP button, which only AUTHENTICATION templates may have.`, field, 'Set the category to AUTHENTICATION or choose another button type.');
	if (!TYPES.includes(type))
		fail(`${name} has the type "${button.type}", which this node cannot create.`, field, `Use one of ${TYPES.join(', ')}.`);
	if (type !== 'COPY_CODE') checkLabel(button.text, field, name);
	if (type === 'URL') checkUrlButton(button, field, name);
	const phone = compactPhoneNumber(button.phoneNumber);
	if (type === 'PHONE_NUMBER' && (!/^\+?\d+$/.test(phone) || phone.length > PHONE_MAX))
		fail(`${name} needs a phone number of at most ${PHONE_MAX} characters.`, field, 'Give the number in international format, e.g. +15550051310.');
	if (type === 'COPY_CODE') {
		const example = (button.example ?? '').trim();
		if (example === '' || example.length > COPY_CODE_EXAMPLE_MAX)
			fail(`${name} (copy code) needs a sample code of 1–${COPY_CODE_EXAMPLE_MAX} characters.`, field, 'Give a sample code such as 25OFF.');
	}
	if (type === 'FLOW') {
		const sources = [button.flowId, button.flowName, button.flowJson].filter((value) => value !== undefined && value !== '');
		if (sources.length !== 1)
			fail(`${name} (flow) needs exactly one of flow ID, flow name or flow JSON.`, field, 'Fill in one of them and leave the others empty.');
	}
}

export function checkLabel(text: string | undefined, field: string, name: string): void {
	const label = (text ?? '').trim();
	if (label === '') fail(`${name} has no label.`, field, 'Give the button a short label, e.g. "Track order".');
	if (label.length > LABEL_MAX)
		fail(`${name} label "${label}" has ${label.length} characters; Meta allows at most ${LABEL_MAX}.`, field, `Shorten it to ${LABEL_MAX} characters.`);
}

function checkUrlButton(button: TemplateCreateButton, field: string, name: string): void {
	const url = (button.url ?? '').trim();
	if (!/^https?:\/\/\S+$/i.test(url))
		fail(`${name} needs a web address starting with https://.`, field, 'Give the full link, e.g. https://example.com/track/{{1}}.');
	if (url.length > URL_MAX)
		fail(`${name} URL has ${url.length} characters; Meta allows at most ${URL_MAX}.`, field, 'Use a shorter link.');
	const variables = rawPlaceholders(url);
	if (variables.length > 1 || (variables.length === 1 && !url.endsWith('{{1}}')))
		fail(`${name} URL may have one variable, {{1}}, and only at the very end.`, field, 'Write the link as https://example.com/path/{{1}}.');
	if (variables.length === 1 && (button.example ?? '').trim() === '')
		fail(`${name} URL has {{1}} but no sample suffix; Meta requires one.`, field, 'Add a sample value for the end of the link, e.g. 860198.');
}

export function buttonJson(button: TemplateCreateButton): Record<string, unknown> {
	const type = upper(button.type);
	const text = button.text?.trim();
	switch (type) {
		case 'URL': {
			const url = (button.url ?? '').trim();
			return { type, text, url, ...(url.endsWith('{{1}}') ? { example: [button.example?.trim()] } : {}) };
		}
		case 'PHONE_NUMBER':
			return { type, text, phone_number: button.phoneNumber === undefined ? undefined : compactPhoneNumber(button.phoneNumber) };
		case 'COPY_CODE':
			return { type, example: button.example?.trim() };
		case 'FLOW':
			return withoutUndefined({
				type, text, flow_id: button.flowId || undefined, flow_name: button.flowName || undefined,
				flow_json: button.flowJson || undefined, flow_action: button.flowAction, navigate_screen: button.navigateScreen || undefined,
			});
		default:
			return { type, text };
	}
}

export const withoutUndefined = (object: Record<string, unknown>): Record<string, unknown> =>
	Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
