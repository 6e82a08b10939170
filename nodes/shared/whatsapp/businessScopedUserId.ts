import { withoutInvisibleCharacters } from './invisibleCharacters';
import { WhatsAppValidationError } from './validationError';

/**
 * Business-scoped user IDs (BSUIDs), Meta's Business-scoped user IDs page: a user's ID within one
 * business portfolio, shown as `user_id` in webhooks, e.g. `US.13491208655302741918` (ISO country
 * code, a period, then letters and digits; up to 256 characters after the country). Since that
 * page's update of March 2026 a send may address the user with `recipient` (the BSUID) instead of
 * `to` (a phone number), on /messages and /marketing_messages; authentication templates still need
 * a phone number (error 131062). Meta marks the whole feature "subject to change".
 */
const BSUID_PATTERN = /^[A-Z]{2}(\.[A-Za-z0-9]+)+$/;
const BSUID_MAX = 259;

/** Whether `value` has the shape of a BSUID (not whether such a user exists). */
export function looksLikeBusinessScopedUserId(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	const text = withoutInvisibleCharacters(value);
	return text.length <= BSUID_MAX && BSUID_PATTERN.test(text);
}

/**
 * A BSUID as a send's `recipient` takes it, trimmed and without invisible characters a paste may
 * bring (withoutInvisibleCharacters). Throws WhatsAppValidationError (field `to`)
 * when the value is blank or not shaped like a BSUID.
 */
export function normaliseBusinessScopedUserId(value: string | undefined): string {
	const text = withoutInvisibleCharacters(value);
	if (text === '') {
		throw new WhatsAppValidationError(
			'The business-scoped user ID is empty.',
			'to',
			'Enter the user_id from a WhatsApp Business Trigger item, e.g. US.13491208655302741918.',
		);
	}
	if (!looksLikeBusinessScopedUserId(text)) {
		throw new WhatsAppValidationError(
			`"${text}" is not a business-scoped user ID.`,
			'to',
			'A business-scoped user ID looks like US.13491208655302741918 (the user_id of a trigger item). For a phone number, set "Recipient Identified By" to Phone Number.',
		);
	}
	return text;
}
