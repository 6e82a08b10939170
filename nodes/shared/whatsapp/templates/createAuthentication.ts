/** AUTHENTICATION templates use Meta's preset text: options only, no free text (Meta: Authentication templates). */
import { WhatsAppValidationError } from '../validationError';
import { checkLabel, withoutUndefined } from './createButtons';
import type { TemplateCreateButton, TemplateCreateInput } from './createTypes';
import { upper } from './definition';

const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'];
const DEFAULT_OTP_BUTTON: TemplateCreateButton = { type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' };

const fail = (message: string, field: string, fix: string): never => {
	throw new WhatsAppValidationError(message, field, fix);
};

export function checkAuthenticationInput(input: TemplateCreateInput): void {
	const freeText: Array<[keyof TemplateCreateInput, string]> = [
		['headerText', 'a header'], ['headerFormat', 'a header'], ['bodyText', 'body text'], ['footerText', 'footer text'],
	];
	for (const [field, what] of freeText)
		if (input[field] !== undefined && input[field] !== '')
			fail(`Authentication templates cannot have ${what}: Meta writes the text itself.`, field,
				'Leave it empty; use "add security recommendation" and "code expiration minutes" to adjust the preset text.');
	const minutes = input.codeExpirationMinutes;
	if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 90))
		fail(`The code expiration of ${minutes} minutes is outside 1–90.`, 'codeExpirationMinutes', 'Choose a whole number of minutes from 1 to 90.');
	const buttons = input.buttons ?? [];
	if (buttons.length > 1 || buttons.some((button) => upper(button.type) !== 'OTP'))
		fail('Authentication templates take exactly one button, of type OTP.', 'buttons', 'Remove the other buttons and keep a single OTP button.');
	if (buttons[0]) checkOtpButton(buttons[0]);
}

function checkOtpButton(button: TemplateCreateButton): void {
	const otpType = upper(button.otpType ?? 'COPY_CODE');
	if (!OTP_TYPES.includes(otpType))
		fail(`"${button.otpType}" is not an OTP button type.`, 'buttons[0]', `Use one of ${OTP_TYPES.join(', ')}.`);
	if (button.text !== undefined) checkLabel(button.text, 'buttons[0]', 'The OTP button');
	const apps = button.supportedApps ?? [];
	if (otpType !== 'COPY_CODE' && (apps.length === 0 || apps.some((app) => !app.packageName || !app.signatureHash)))
		fail(`A ${otpType} button must name the Android app that receives the code.`, 'buttons[0]',
			'Add a supported app with its package name (e.g. com.example.app) and signature hash.');
}

export function authenticationComponents(input: TemplateCreateInput): Array<Record<string, unknown>> {
	const button = input.buttons?.[0] ?? DEFAULT_OTP_BUTTON;
	const otpType = upper(button.otpType ?? 'COPY_CODE');
	const components: Array<Record<string, unknown>> = [
		withoutUndefined({ type: 'BODY', add_security_recommendation: input.addSecurityRecommendation }),
	];
	if (input.codeExpirationMinutes !== undefined)
		components.push({ type: 'FOOTER', code_expiration_minutes: input.codeExpirationMinutes });
	const otpButton = withoutUndefined({
		type: 'OTP',
		otp_type: otpType,
		text: button.text?.trim() || undefined,
		autofill_text: button.autofillText || undefined,
		supported_apps: otpType === 'COPY_CODE' ? undefined
			: button.supportedApps?.map((app) => ({ package_name: app.packageName, signature_hash: app.signatureHash })),
		zero_tap_terms_accepted: otpType === 'ZERO_TAP' ? button.zeroTapTermsAccepted : undefined,
	});
	components.push({ type: 'BUTTONS', buttons: [otpButton] });
	return components;
}
