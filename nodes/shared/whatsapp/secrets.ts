/**
 * Secrets out of text: the values of the credential the request used, and the shapes of tokens
 * that may appear without their value being known (a Meta access token, an access_token query
 * parameter, a Bearer, Basic or Zoho-oauthtoken Authorization header). APIs echo what they were sent (an error repeating the token, a
 * debug field), so every text shown to a user passes through here first.
 */

const TOKEN_SHAPES: readonly RegExp[] = [
	/\bEAA[A-Za-z0-9]{20,}/g, // Meta access tokens (user, system user, page)
	/(access_token=)[^&\s"']+/gi,
	/(client_secret=)[^&\s"']+/gi,
	// Meta's webhook verification request (hub.verify_token) and a subscription echoing its verify_token
	/(verify_token=)[^&\s"']+/gi,
	/("verify_token"\s*:\s*")[^"]*/gi,
	/(Bearer\s+)[A-Za-z0-9._~+/=|-]{8,}/gi,
	// base64 of user:password (Zendesk: email/token:API token); a digit or +/= tells it from prose ("Basic authentication")
	/(Basic\s+)(?=[A-Za-z0-9+/=]*[0-9+/=])[A-Za-z0-9+/=]{12,}/g,
	/(Zoho-oauthtoken\s+)[A-Za-z0-9._-]{8,}/gi, // Zoho's Authorization header
];

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Values shorter than this are not treated as secrets: replacing a 3-letter value everywhere
 * would mangle ordinary words, and such a value protects nothing anyway.
 */
export const SECRET_MIN_LENGTH = 6;

/**
 * Whether a value reads as ordinary text: a single word of letters ("whatsapp", "Welcome") or a
 * run of digits no longer than a phone number or an ID (up to 20). Such a value cannot be told
 * apart from the words, phone numbers and IDs of a message, so replacing it wherever it occurs
 * would mangle outputs ("messaging_product": "whatsapp") while protecting little: a value a
 * dictionary or a phone book holds is guessed, not leaked. Tokens, app secrets and API keys that
 * services issue are never like this; a word-like Verify Token is removed by its shape
 * (verify_token=…) only.
 */
export function readsAsOrdinaryText(value: string): boolean {
	return /^\p{L}+$/u.test(value) || /^\d{1,20}$/.test(value);
}

/**
 * The forms a secret value takes in text: as is, URL-encoded (echoed query strings) and
 * JSON-escaped (echoed raw bodies). Longest first, so a secret containing another is removed whole.
 * Values shorter than SECRET_MIN_LENGTH, or that read as ordinary text, are left out.
 */
export function secretForms(values: readonly unknown[]): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		if (typeof value !== 'string' || value.length < SECRET_MIN_LENGTH || readsAsOrdinaryText(value)) continue;
		forms.add(value);
		forms.add(encodeURIComponent(value));
		forms.add(JSON.stringify(value).slice(1, -1));
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every form of every secret value, and every token shape, replaced by [redacted].
 * `forms` comes from secretForms (computed once per credential, not per text).
 */
export function redactSecrets(text: string, forms: readonly string[] = []): string {
	let result = text;
	for (const form of forms) if (result.includes(form)) result = result.split(form).join(REDACTED);
	for (const shape of TOKEN_SHAPES) {
		result = result.replace(shape, (_match, prefix?: unknown) => `${typeof prefix === 'string' ? prefix : ''}${REDACTED}`);
	}
	return result;
}
