import { validateTemplateForCreate } from '../../../nodes/shared/whatsapp/templates';
import type { TemplateCreateButton, TemplateCreateInput } from '../../../nodes/shared/whatsapp/templates';
import { WhatsAppValidationError } from '../../../nodes/shared/whatsapp/validationError';

const positional: TemplateCreateInput = {
	name: 'seasonal_promotion', language: 'en_US', category: 'MARKETING',
	bodyText: 'Shop now through {{1}} and use code {{2}}.', bodyExamples: ['August', '25OFF'],
};
const named: TemplateCreateInput = {
	name: 'order_update', language: 'en_US', category: 'UTILITY', parameterFormat: 'NAMED',
	bodyText: 'Hi {{first_name}}, order {{order_number}} shipped.', bodyExamples: { first_name: 'Pablo', order_number: '860198' },
};
const quickReply = (text = 'Stop'): TemplateCreateButton => ({ type: 'QUICK_REPLY', text });
const url = (extra: Partial<TemplateCreateButton> = {}): TemplateCreateButton => ({ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', example: '1', ...extra });

function rejection(input: TemplateCreateInput): WhatsAppValidationError {
	try {
		validateTemplateForCreate(input);
	} catch (error) {
		if (error instanceof WhatsAppValidationError) return error;
		throw error;
	}
	throw new Error('expected a WhatsAppValidationError');
}

/** [rule, input, field, a phrase of the message]; each fix must say what to do. */
const cases: Array<[string, TemplateCreateInput, string, string]> = [
	['name with capitals', { ...positional, name: 'Order_Confirmation' }, 'name', 'not valid'],
	['name with a dash', { ...positional, name: 'order-confirmation' }, 'name', 'not valid'],
	['name over 512', { ...positional, name: 'a'.repeat(513) }, 'name', 'not valid'],
	['missing language', { ...positional, language: '' }, 'language', 'not a template language'],
	['unknown category', { ...positional, category: 'PROMOTIONAL' }, 'category', 'not a template category'],
	['unknown parameter format', { ...positional, parameterFormat: 'ORDERED' }, 'parameterFormat', 'not a parameter format'],
	['utility TTL over 12 h', { ...named, messageSendTtlSeconds: 43201 }, 'messageSendTtlSeconds', 'outside the UTILITY range'],
	['marketing TTL of -1', { ...positional, messageSendTtlSeconds: -1 }, 'messageSendTtlSeconds', 'outside the MARKETING range'],
	['header over 60', { ...positional, headerText: 'h'.repeat(61) }, 'headerText', 'at most 60'],
	['two header variables', { ...positional, headerText: 'Hi {{1}} {{2}}', headerExample: 'x' }, 'headerText', 'more than one variable'],
	['header variable without sample', { ...positional, headerText: 'Our {{1}} is on!' }, 'headerExample', 'no sample value'],
	['positional header not {{1}}', { ...positional, headerText: 'Our {{2}} is on!', headerExample: 'x' }, 'headerText', 'must be {{1}}'],
	['media header without handle', { ...positional, headerFormat: 'IMAGE' }, 'headerHandle', 'sample file handle'],
	['GIF header outside marketing', { ...named, headerFormat: 'GIF', headerHandle: '4::x' }, 'headerFormat', 'only available for MARKETING'],
	['unknown header format', { ...positional, headerFormat: 'AUDIO' }, 'headerFormat', 'not a header format'],
	['TEXT header without text', { ...positional, headerFormat: 'TEXT' }, 'headerText', 'header text is empty'],
	['missing body', { ...positional, bodyText: ' ' }, 'bodyText', 'body text is empty'],
	['body over 1024', { ...positional, bodyText: `Hi ${'b'.repeat(1030)}`, bodyExamples: [] }, 'bodyText', 'at most 1024'],
	['positional gap', { ...positional, bodyText: 'Through {{1}} use {{3}}.', bodyExamples: ['a', 'b'] }, 'bodyText', 'not numbered 1, 2, 3'],
	['positional starting at 2', { ...positional, bodyText: 'Through {{2}} now.', bodyExamples: ['a'] }, 'bodyText', 'not numbered'],
	['named placeholder in positional', { ...positional, parameterFormat: 'POSITIONAL', bodyText: 'Hi {{first_name}}.' }, 'bodyText', 'not a numbered placeholder'],
	['number in named template', { ...named, bodyText: 'Hi {{1}} now.' }, 'bodyText', 'not a valid named placeholder'],
	['uppercase name', { ...named, bodyText: 'Hi {{First_Name}} now.' }, 'bodyText', 'not a valid named placeholder'],
	['spaces inside braces', { ...positional, bodyText: 'Hi {{ 1 }} now.', parameterFormat: 'POSITIONAL' }, 'bodyText', 'not a numbered placeholder'],
	['repeated named placeholder', { ...named, bodyText: 'Hi {{first_name}}, bye {{first_name}}.', bodyExamples: { first_name: 'P' } }, 'bodyText', 'more than once'],
	['variable first', { ...positional, bodyText: '{{1}} is on until {{2}}.' }, 'bodyText', 'starts or ends with a placeholder'],
	['variable last', { ...positional, bodyText: 'Use {{1}} until {{2}}' }, 'bodyText', 'starts or ends with a placeholder'],
	['adjacent variables', { ...positional, bodyText: 'Use {{1}}{{2}} now.' }, 'bodyText', 'touch each other'],
	['missing body sample', { ...positional, bodyExamples: ['August'] }, 'bodyExamples', '{{2}} in the body has no sample'],
	['blank named sample', { ...named, bodyExamples: { first_name: 'Pablo', order_number: ' ' } }, 'bodyExamples', '{{order_number}} in the body has no sample'],
	['sample for an unknown name', { ...named, bodyExamples: { first_name: 'P', order_number: '1', firstname: 'x' } }, 'bodyExamples', 'sample for "firstname"'],
	['more samples than placeholders', { ...positional, bodyExamples: ['a', 'b', 'c'] }, 'bodyExamples', '3 samples'],
	['footer over 60', { ...positional, footerText: 'f'.repeat(61) }, 'footerText', 'at most 60'],
	['footer with a variable', { ...positional, footerText: 'Bye {{1}}' }, 'footerText', 'cannot have variables'],
	['11 buttons', { ...positional, buttons: Array.from({ length: 11 }, () => quickReply()) }, 'buttons', 'at most 10'],
	['3 URL buttons', { ...positional, buttons: [url(), url(), url()] }, 'buttons', '3 URL buttons'],
	['2 phone buttons', { ...positional, buttons: [1, 2].map(() => ({ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+15550051310' })) }, 'buttons', '2 PHONE_NUMBER'],
	['2 copy-code buttons', { ...positional, buttons: [{ type: 'COPY_CODE', example: 'A' }, { type: 'COPY_CODE', example: 'B' }] }, 'buttons', '2 COPY_CODE'],
	['quick replies split', { ...positional, buttons: [quickReply(), url(), quickReply('More')] }, 'buttons', 'mixed in between'],
	['label over 25', { ...positional, buttons: [quickReply('x'.repeat(26))] }, 'buttons[0]', 'at most 25'],
	['label missing', { ...positional, buttons: [{ type: 'URL', url: 'https://example.com' }] }, 'buttons[0]', 'has no label'],
	['URL not http', { ...positional, buttons: [url({ url: 'example.com/{{1}}' })] }, 'buttons[0]', 'starting with https://'],
	['URL over 2000', { ...positional, buttons: [url({ url: `https://example.com/${'p'.repeat(2000)}` })] }, 'buttons[0]', 'at most 2000'],
	['URL variable not at the end', { ...positional, buttons: [url({ url: 'https://example.com/{{1}}/track' })] }, 'buttons[0]', 'only at the very end'],
	['URL with two variables', { ...positional, buttons: [url({ url: 'https://example.com/{{1}}/{{1}}' })] }, 'buttons[0]', 'only at the very end'],
	['URL variable without sample', { ...positional, buttons: [url({ example: undefined })] }, 'buttons[0]', 'no sample suffix'],
	['phone over 20', { ...positional, buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+1555005131012345678901' }] }, 'buttons[0]', 'at most 20'],
	['copy code sample over 15', { ...positional, buttons: [{ type: 'COPY_CODE', example: 'C'.repeat(16) }] }, 'buttons[0]', '1–15 characters'],
	['flow with two sources', { ...positional, buttons: [{ type: 'FLOW', text: 'Go', flowId: '1', flowName: 'signup' }] }, 'buttons[0]', 'exactly one of flow ID'],
	['OTP outside authentication', { ...positional, buttons: [{ type: 'OTP', otpType: 'COPY_CODE' }] }, 'buttons[0]', 'only AUTHENTICATION'],
	['unknown button type', { ...positional, buttons: [{ type: 'CALL_ME', text: 'x' }] }, 'buttons[0]', 'cannot create'],
	['authentication with body text', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', bodyText: 'Your code' }, 'bodyText', 'cannot have body text'],
	['authentication with a header', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', headerText: 'Code' }, 'headerText', 'cannot have a header'],
	['code expiration 91', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', codeExpirationMinutes: 91 }, 'codeExpirationMinutes', 'outside 1–90'],
	['code expiration 0', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', codeExpirationMinutes: 0 }, 'codeExpirationMinutes', 'outside 1–90'],
	['authentication TTL over 900', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', messageSendTtlSeconds: 901 }, 'messageSendTtlSeconds', 'AUTHENTICATION range'],
	['authentication with a quick reply', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', buttons: [quickReply()] }, 'buttons', 'exactly one button, of type OTP'],
	['two OTP buttons', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', buttons: [{ type: 'OTP' }, { type: 'OTP' }] }, 'buttons', 'exactly one button'],
	['unknown OTP type', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', buttons: [{ type: 'OTP', otpType: 'SMS' as 'COPY_CODE' }] }, 'buttons[0]', 'not an OTP button type'],
	['one-tap without app', { name: 'otp', language: 'en_US', category: 'AUTHENTICATION', buttons: [{ type: 'OTP', otpType: 'ONE_TAP' }] }, 'buttons[0]', 'must name the Android app'],
];

describe('validateTemplateForCreate', () => {
	it.each(cases)('rejects %s', (_rule, input, field, phrase) => {
		const error = rejection(input);
		expect(error.field).toBe(field);
		expect(error.message).toContain(phrase);
		expect(error.fix.length).toBeGreaterThan(10);
	});

	it.each([
		['the positional base', positional],
		['the named base', named],
		['a marketing TTL of 12 h', { ...positional, messageSendTtlSeconds: 43200 }],
		['a utility TTL of -1', { ...named, messageSendTtlSeconds: -1 }],
		['a header ending in a variable (only the body forbids it)', { ...named, headerText: 'Order {{order_number}}', headerExample: '1' }],
		['quick replies after the other buttons', { ...positional, buttons: [url(), { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+1 555-005-1310' }, quickReply(), quickReply('More')] }],
		['a static URL button', { ...positional, buttons: [{ type: 'URL', text: 'Shop', url: 'https://example.com/shop' }] }],
		['10 quick replies', { ...positional, buttons: Array.from({ length: 10 }, (_, n) => quickReply(`Option ${n}`)) }],
		['a body repeating a positional variable', { ...positional, bodyText: 'Hi {{1}}, yes {{1}}, code {{2}}.' }],
	] as Array<[string, TemplateCreateInput]>)('accepts %s', (_rule, input) => {
		expect(() => validateTemplateForCreate(input)).not.toThrow();
	});
});
