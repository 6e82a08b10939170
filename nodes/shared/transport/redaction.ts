import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { REDACTED, redactSecrets, secretForms } from '../whatsapp/secrets';

/**
 * The secret fields (password fields) of every credential type the pack's nodes use, by credential
 * type name. A node adding a credential type adds its secret fields here; a test compares this
 * table with the credential classes, so a new password field cannot be forgotten.
 */
export const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
	whatsAppCloudApi: ['accessToken', 'appSecret', 'verifyToken', 'sharedStateRedisUrl'],
	whatsApp360DialogApi: ['apiKey', 'sharedStateRedisUrl'],
	// The CRM node's credentials; Zoho's is an OAuth2 credential (n8n's OAuth2 API: Client Secret,
	// and the tokens in oauthTokenData, which credentialSecrets adds for every type).
	whatsAppZohoOAuth2Api: ['clientSecret'],
	whatsAppZendeskApi: ['apiToken'],
	whatsAppHubSpotApi: ['accessToken'],
};

/** Tokens n8n keeps inside an OAuth2 credential (n8n: OAuth2 credentials), secret like the fields. */
const OAUTH_TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'];

/**
 * The secret values of one credential: its secret fields (SECRET_FIELDS for our own types, or the
 * list given) plus the tokens of an OAuth2 credential's `oauthTokenData`. Empty values are skipped.
 */
export function credentialSecrets(
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	secretFields: readonly string[] = SECRET_FIELDS[credentialType] ?? [],
): string[] {
	const oauth = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	return [...secretFields.map((field) => credentials[field]), ...OAUTH_TOKEN_FIELDS.map((field) => oauth[field])].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
}

/**
 * Removes secrets from what a node shows: item JSON, error messages and descriptions, and the API
 * answer an n8n error keeps. Holds the values in a closure, so a connection carrying it never
 * serialises them.
 */
export interface Redactor {
	text(value: string): string;
	/** A deep copy of a JSON value with every string redacted; Buffers and non-plain objects pass as they are. */
	json<T>(value: T): T;
	/** The same n8n error (or Error), its message, description, messages, API answer, context, cause and stack redacted. */
	error<E>(error: E): E;
	/** A redactor for these secrets as well, e.g. a token obtained during the run. */
	with(moreSecrets: readonly string[]): Redactor;
}

export function createRedactor(secrets: readonly string[]): Redactor {
	const forms = secretForms(secrets);
	const text = (value: string) => redactSecrets(value, forms);
	const json = <T>(value: T): T => redactJson(value, text) as T;
	return {
		text,
		json,
		error: (error) => redactError(error, text, json),
		with: (moreSecrets) => createRedactor([...secrets, ...moreSecrets]),
	};
}

/** The redactor for a credential of this type (see credentialSecrets). */
export function redactorForCredentials(credentialType: string, credentials: ICredentialDataDecryptedObject): Redactor {
	return createRedactor(credentialSecrets(credentialType, credentials));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/**
 * Fields whose value is a secret by their name alone, as the APIs name them (Meta: the webhook's
 * verify_token, OAuth's tokens and client secret): removed whatever the value, even one that reads
 * as ordinary text (secrets.ts readsAsOrdinaryText), which the value-based pass leaves alone.
 */
const SECRET_KEYS = new Set(['access_token', 'refresh_token', 'id_token', 'client_secret', 'app_secret', 'verify_token']);

function redactJson(value: unknown, text: (value: string) => string): unknown {
	if (typeof value === 'string') return text(value);
	if (Array.isArray(value)) return value.map((entry) => redactJson(entry, text));
	if (!isPlainObject(value)) return value;
	// Keys are never rewritten: only values are.
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [key, typeof entry === 'string' && entry !== '' && SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redactJson(entry, text)]),
	);
}

interface ErrorFields {
	message?: unknown;
	description?: unknown;
	messages?: unknown;
	errorResponse?: unknown;
	context?: unknown;
	cause?: unknown;
	stack?: unknown;
}

function redactError<E>(error: E, text: (value: string) => string, json: <T>(value: T) => T): E {
	if (!(error instanceof Error)) return error;
	const fields = error as Error & ErrorFields;
	if (typeof fields.message === 'string') fields.message = text(fields.message);
	if (typeof fields.stack === 'string') fields.stack = text(fields.stack);
	if (typeof fields.description === 'string') fields.description = text(fields.description);
	if (Array.isArray(fields.messages)) fields.messages = fields.messages.map((entry) => (typeof entry === 'string' ? text(entry) : entry));
	if (fields.errorResponse instanceof Error) redactError(fields.errorResponse, text, json);
	else if (fields.errorResponse !== undefined) fields.errorResponse = json(fields.errorResponse);
	if (isPlainObject(fields.context)) fields.context = json(fields.context);
	if (fields.cause instanceof Error && fields.cause !== error) redactError(fields.cause, text, json);
	return error;
}
