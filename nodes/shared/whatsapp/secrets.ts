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
 * The forms a secret value takes in text: as is, URL-encoded (echoed query strings) and
 * JSON-escaped (echoed raw bodies). Longest first, so a secret containing another is removed whole.
 */
export function secretForms(values: readonly unknown[]): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		if (typeof value !== 'string' || value.length < SECRET_MIN_LENGTH) continue;
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
