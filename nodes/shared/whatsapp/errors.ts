/**
 * Meta error codes → plain-words advice (Meta: Error codes). One table so every node and the
 * transport explain failures the same way and agree on what is safe to retry.
 */

import { redactSecrets } from './secrets';

export type MetaErrorCategory =
	| 'auth'
	| 'permission'
	| 'rate-limit'
	| 'window'
	| 'template'
	| 'media'
	| 'recipient'
	| 'request'
	| 'server'
	| 'policy'
	| 'unknown';

export interface MetaErrorAdvice {
	code: number;
	/** Meta's title for the code (Meta: Error codes) */
	title: string;
	/**
	 * What a no-code user should do about it. It never says what the node did (retried or not):
	 * the same advice explains a webhook's failed status, where nothing is retried; the transport
	 * adds what it did to the error it builds.
	 */
	advice: string;
	/** Whether sending the same request again later can succeed */
	retryable: boolean;
	/** A sensible first wait before that retry */
	retryAfterSeconds?: number;
	category: MetaErrorCategory;
}

export interface MetaErrorInfo extends MetaErrorAdvice {
	/** Meta's message as received, secrets removed */
	message: string;
	details?: string;
	subcode?: number;
	fbtraceId?: string;
	httpStatus?: number;
	/** Graph error type, e.g. OAuthException (synchronous errors only) */
	type?: string;
	/** Documentation link (webhook errors only) */
	href?: string;
}

type Entry = Omit<MetaErrorAdvice, 'code'>;

function entry(title: string, category: MetaErrorCategory, advice: string, retryAfterSeconds?: number): Entry {
	const retryable = retryAfterSeconds !== undefined;
	return retryable ? { title, category, advice, retryable, retryAfterSeconds } : { title, category, advice, retryable };
}

const TEMPLATE_TIP = 'Check the template in WhatsApp Manager (Message Templates)';
const BILLING_TIP = 'In WhatsApp Manager, add a valid payment method or fix the credit line, then send again.';

// (Meta: Error codes). The retry waits are first back-off steps, not Meta promises, except where Meta gives one (Meta: Throughput).
const CATALOGUE: Record<number, Entry> = {
	0: entry('AuthException', 'auth', 'WhatsApp could not authenticate the request: the access token has expired or was invalidated. Generate a new token (a System User token does not expire) and update the credential.'),
	1: entry('API Unknown', 'server', 'The request was invalid or Meta had a problem. Check the request, look at https://metastatus.com, and try once more.'),
	2: entry('API Service', 'server', 'Meta is temporarily down or overloaded; the same request can succeed a little later (see https://metastatus.com).', 30),
	3: entry('API Method', 'permission', 'The app lacks the capability or permission for this call. Check the app permissions (whatsapp_business_messaging, whatsapp_business_management) in the Meta app dashboard.'),
	4: entry('API Too Many Calls', 'rate-limit', 'The Meta app made too many API calls. Wait a few minutes and send fewer requests at once.', 60),
	10: entry('Permission Denied', 'permission', 'The permission for this call was not granted or was removed. Give the token the whatsapp_business_messaging and whatsapp_business_management permissions, and assign the WhatsApp account to the System User.'),
	33: entry('Parameter value is not valid', 'request', 'The business phone number was not found (it may have been deleted). Check the Phone Number ID in the credential or node.'),
	100: entry('Invalid parameter', 'request', 'WhatsApp rejected a field: a parameter is unknown, misspelt, too long, or an ID (Phone Number ID, WhatsApp Business Account ID, media or message ID) is wrong. Read the details below, then fix that field or ID.'),
	190: entry('Access token has expired', 'auth', 'The access token has expired or was revoked: generate a new one (a System User token does not expire) and update the credential.'),
	368: entry('Temporarily blocked for policies violations', 'policy', 'Meta has temporarily blocked this account for policy violations. Wait until the restriction ends (see Account Quality in WhatsApp Manager); sending again now will not help.'),
	2200: entry('Callback verification failed', 'request', "Meta could not verify the webhook callback URL: it must be reachable from the internet over HTTPS with a valid certificate, answer Meta's GET request with hub.challenge, and expect the same Verify Token as the credential. Fix the URL (n8n's WEBHOOK_URL) or the Verify Token, then register again."),
	80007: entry('Rate limit issues', 'rate-limit', 'The WhatsApp Business Account reached its hourly limit for management calls. Wait and try again later, and avoid listing templates or phone numbers on every run.', 60),
	130429: entry('Rate limit hit', 'rate-limit', 'Too many messages were sent from this phone number in a short time (the throughput limit, 80 messages per second by default). Send more slowly: fewer items at once, or a pause between batches.', 1),
	130472: entry("User's number is part of an experiment", 'recipient', 'Meta did not send this marketing message because the customer is part of a Meta experiment. There is nothing to fix; do not resend it automatically.'),
	130497: entry('Business account is restricted from messaging users in this country', 'policy', 'This WhatsApp account may not message customers in that country. Remove such numbers or ask Meta support about the restriction.'),
	131000: entry('Something went wrong', 'server', 'WhatsApp had an unknown problem sending this message; the same request can succeed a little later. If it keeps happening, contact Meta support with the trace ID below.', 5),
	131005: entry('Access denied', 'permission', 'The token has no permission for this. Give it the whatsapp_business_messaging permission and assign the WhatsApp account and phone number to the System User.'),
	131008: entry('Required parameter is missing', 'request', 'A required field is missing from the request. Read the details below and fill in that field.'),
	131009: entry('Parameter value is not valid', 'request', 'A value in the request is not valid. Read the details below and correct the value.'),
	131016: entry('Service unavailable', 'server', 'WhatsApp is temporarily unavailable; the same request can succeed a little later (see https://metastatus.com).', 30),
	131021: entry('Recipient cannot be sender', 'recipient', 'The message was addressed to the business number itself. Send it to the customer\'s number instead.'),
	131026: entry('Message Undeliverable', 'recipient', 'WhatsApp could not deliver the message: the number may not use WhatsApp, the app may be too old, or the customer has not accepted the latest terms. Check the number; contact the customer another way.'),
	131031: entry('Business Account locked', 'policy', 'The WhatsApp Business Account is locked (a policy violation, or a wrong two-step PIN). Check Account Quality in WhatsApp Manager and follow Meta\'s instructions.'),
	131037: entry('Display name approval needed', 'permission', 'The phone number\'s display name is not approved yet. Wait for approval in WhatsApp Manager before sending.'),
	131042: entry('Business eligibility payment issue', 'policy', `Meta could not bill this account. ${BILLING_TIP}`),
	131045: entry('Incorrect certificate', 'permission', 'The phone number is not properly registered. Register the number again in WhatsApp Manager (or with the register API), then send.'),
	131047: entry('Re-engagement message', 'window', "More than 24 hours have passed since this customer last wrote to you, so WhatsApp only allows an approved template. Send a template instead (e.g. with 'Send Text, or Template When Window Closed')."),
	131048: entry('Spam rate limit hit', 'policy', 'Too many of your recent messages were blocked or reported as spam, so sending is limited. Improve message quality (check the quality rating in WhatsApp Manager) and send again later.'),
	131049: entry('This message was not delivered to maintain healthy ecosystem engagement.', 'policy', 'Meta chose not to deliver this marketing message (the customer has received many marketing messages lately). Do not resend it right away; wait at least 24 hours or send something the customer asked for.'),
	131050: entry('User has stopped receiving marketing messages', 'recipient', 'The customer has turned off marketing messages from your business. Do not send them marketing templates.'),
	131051: entry('Unsupported message type', 'request', 'This message type is not supported. Choose another message type.'),
	131052: entry('Media download error', 'media', "WhatsApp could not download the media the customer sent (e.g. over 100 MB). Ask the customer to send it again, smaller."),
	131053: entry('Media upload error', 'media', 'WhatsApp could not use the media: the file type is not supported, does not match its content, or the link cannot be reached. Use a supported format and a public https:// link, or upload the file first.'),
	131056: entry('(Business Account, Consumer Account) pair rate limit hit', 'rate-limit', 'Too many messages went to this same customer in a short time (about one every 6 seconds is allowed). Wait before sending to them again; other customers are not affected.', 6),
	131057: entry('Account in maintenance mode', 'server', 'The account is in maintenance mode, e.g. during a throughput upgrade (about a minute); send again after that.', 60),
	131055: entry('Only marketing template messages are supported', 'request', 'The Marketing Messages API sends MARKETING templates only (API versions before v23.0). Send this template through Cloud API.'),
	131062: entry('Business-scoped User ID recipients are not supported for this message', 'recipient', "This message cannot go to a business-scoped user ID (authentication templates need the customer's phone number). Send it to the phone number."),
	132000: entry('Template Param Count Mismatch', 'template', `The number of variable values does not match the template. ${TEMPLATE_TIP} and give exactly one value per variable.`),
	132001: entry('Template does not exist', 'template', `No approved template has this name in this language. ${TEMPLATE_TIP}: pick an approved template and one of its approved languages (e.g. en_US, not en).`),
	132005: entry('Template Hydrated Text Too Long', 'template', 'The template text is too long once your values are filled in. Shorten the variable values.'),
	132007: entry('Template Format Character Policy Violated', 'template', 'A variable value breaks WhatsApp\'s formatting rules (e.g. new lines, tabs or more than 4 spaces in a row). Clean up the values.'),
	132008: entry('Template parameter value invalid', 'template', 'A variable value is not valid for its type. Check the values against the template.'),
	132012: entry('Template Parameter Format Mismatch', 'template', `The values do not match the template's variable format (named vs numbered, or text vs media). ${TEMPLATE_TIP} and send values in the format it expects.`),
	132015: entry('Template is Paused', 'template', 'The template is paused because of low quality. Edit it or use another template; it cannot be sent until it is unpaused.'),
	132016: entry('Template is Disabled', 'template', 'The template was disabled after repeated low quality. Create a new template and use that.'),
	132068: entry('Flow is in blocked state', 'policy', 'The WhatsApp Flow is blocked. Fix the Flow in WhatsApp Manager before sending it.'),
	132069: entry('Flow is in throttled state', 'rate-limit', 'This Flow is throttled (10 messages per hour). Wait an hour or fix the Flow\'s health.', 3600),
	133000: entry('Incomplete Deregistration', 'permission', 'An earlier deregistration did not finish. Deregister the number, then register it again.'),
	133004: entry('Server Temporarily Unavailable', 'server', 'The WhatsApp server is temporarily unavailable; the same request can succeed a little later.', 30),
	133005: entry('Two step verification PIN Mismatch', 'auth', 'The two-step verification PIN is wrong. Use the correct PIN or reset it in WhatsApp Manager.'),
	133006: entry('Phone number re-verification needed', 'permission', 'The phone number must be verified again before it can be registered. Verify it in WhatsApp Manager.'),
	133008: entry('Too Many two step verification PIN Guesses', 'auth', 'Too many wrong PIN attempts. Wait for the time given in the details, then try again with the right PIN.'),
	133009: entry('Two step verification PIN Guessed Too Fast', 'auth', 'The PIN was entered too fast. Wait for the time given in the details and try again.'),
	133010: entry('Phone number Not Registered', 'permission', 'The business phone number is not registered with the Cloud API. Register it (WhatsApp Manager or the register API) before sending.'),
	133015: entry('Please wait a few minutes before attempting to register this phone number', 'permission', 'The number was deleted recently. Wait 5 minutes, then register it.', 300),
	133016: entry('Account register/deregister rate limit exceeded', 'rate-limit', 'Too many register or deregister attempts for this number. Wait before trying again.'),
	134100: entry('Only marketing messages supported', 'request', 'The Marketing Messages API sends MARKETING templates only. Send this template through Cloud API (Send Through: Cloud API).'),
	134101: entry('Your template is still syncing', 'template', 'A new or long-unused marketing template takes up to 10 minutes to be ready for the Marketing Messages API. Wait and send again, or send through Cloud API.', 600),
	134102: entry('Template unavailable for use', 'template', 'The Marketing Messages API cannot use this template, or the account is not onboarded to it. Check the onboarding in WhatsApp Manager, or send through Cloud API.'),
	139100: entry('Failed to block/unblock some users', 'request', 'WhatsApp blocked or unblocked only some of the users; the output lists each user with its result. Users can be blocked only within 24 hours of their last message.'),
	139101: entry('Blocklist limit reached', 'request', "The phone number's block list is full (64,000 users). Unblock users you no longer need to block."),
	139102: entry('Blocklist concurrent update', 'request', 'The block list changed while it was being read. Run the node again.', 5),
	139103: entry('Internal error', 'server', 'WhatsApp had a problem with the block list; the same request can succeed a little later.', 5),
	134011: entry('WhatsApp Payments terms of service not accepted', 'permission', 'Accept the WhatsApp Payments terms of service in WhatsApp Manager first.'),
	135000: entry('Generic user error', 'request', 'WhatsApp could not process the request because of a problem with its values. Check every field (IDs, lengths, formats) and try again.'),
	137000: entry('Identity key hash mismatch', 'recipient', "The customer's identity key changed (e.g. a new phone), so the message was not delivered. Re-verify the customer before sending again."),
	// Meta's Analytics page (confirming template analytics): insights must be switched on once per WhatsApp Business Account.
	200005: entry('Template insights unavailable', 'permission', 'Meta does not offer template analytics to this WhatsApp Business Account. Use Pricing Analytics, Messaging Analytics or the Delivery Report instead.'),
	200006: entry('Template insights cannot be disabled', 'request', 'Template insights stay on once they are enabled; there is nothing to undo.'),
	200007: entry('Template insights not enabled', 'permission', "Template analytics are not enabled for this WhatsApp Business Account. Run the WhatsApp Business node's Analytics › Enable Template Insights operation once (it cannot be undone), or confirm template analytics in WhatsApp Manager, then run again."),
	2494100: entry('Phone number in maintenance mode', 'server', 'The phone number is being migrated. Wait a few minutes and try again.', 300),
};

/** Meta's Error codes page: 200–299 are all "API Permission". */
const API_PERMISSION = entry('API Permission', 'permission', 'A permission this call needs was not granted or was removed. Check the token\'s permissions (whatsapp_business_messaging, whatsapp_business_management) and that the WhatsApp account is assigned to it.');

const UNKNOWN = entry('Unknown WhatsApp error', 'unknown', 'WhatsApp returned an error this node does not know. Read the details below; the code is explained on Meta\'s error codes page (developers.facebook.com, WhatsApp Cloud API error codes).');

/** Codes explained in the catalogue (not counting the 200–299 range). */
export const KNOWN_META_ERROR_CODES: readonly number[] = Object.keys(CATALOGUE).map(Number);

/** Advice for a Meta error code; `details` lets a few codes say more precisely what is wrong. */
export function describeMetaError(code: number, details?: string): MetaErrorAdvice {
	const known = CATALOGUE[code] ?? (code >= 200 && code <= 299 ? API_PERMISSION : undefined);
	if (!known) return { code, ...UNKNOWN };
	if (code === 100 && details && /does not exist|cannot be loaded|missing permissions/i.test(details)) {
		return {
			code,
			...known,
			advice: 'An ID in the request points at nothing this token can see: check the Phone Number ID (or WhatsApp Business Account ID) in the node and credential, and that the token has access to that account.',
		};
	}
	return { code, ...known };
}

/** Why Meta refused an access token (code 190), when its answer tells. */
export type AccessTokenProblem = 'expired' | 'invalid' | 'revoked';

/**
 * Graph API "Handling Errors" page: code 190's error_subcode says why the token no longer works
 * (458 app removed, 459 checkpointed, 460 password changed, 463 expired, 464 unconfirmed user,
 * 467 invalid, 492 invalid session); without a subcode, Meta's message does ("Cannot parse access
 * token" for a token that is not one, "Session has expired"). Undefined when neither tells.
 */
export function accessTokenProblem(subcode: number | undefined, text: string): AccessTokenProblem | undefined {
	if (subcode === 463) return 'expired';
	if (subcode === 467) return 'invalid';
	if (subcode !== undefined && [458, 459, 460, 464, 492].includes(subcode)) return 'revoked';
	if (/cannot parse|malformed|could not be decrypted|invalid oauth access token|bad signature/i.test(text)) return 'invalid';
	if (/not authori[sz]ed|deauthori[sz]ed|invalidated|logged out|changed (?:the|their|his|her) password|revoked/i.test(text)) return 'revoked';
	if (/expired/i.test(text)) return 'expired';
	return undefined;
}

const TOKEN_ADVICE: Record<AccessTokenProblem, { title: string; advice: string }> = {
	expired: {
		title: 'Access token has expired',
		advice: 'The access token has expired: generate a new one (a System User token set to never expire does not) and paste it in the credential.',
	},
	invalid: {
		title: 'Access token is not valid',
		advice:
			'WhatsApp cannot read this access token: it was probably copied incompletely or with something extra (a space, quotes, the word Bearer). Copy the whole token again (Business Settings › System users › Generate token, or App Dashboard › WhatsApp › API Setup) and paste it in the credential.',
	},
	revoked: {
		title: 'Access token was revoked',
		advice:
			'The access token no longer works: the person it belongs to changed their password, logged out, removed the app or lost access to the business. Generate a new token, ideally a System User token (not tied to a person), and update the credential.',
	},
};

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asInteger(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function asText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? redactSecrets(value) : undefined;
}

function decode(body: unknown): Record<string, unknown> | undefined {
	if (typeof body === 'string') {
		try {
			return decode(JSON.parse(body));
		} catch {
			return undefined;
		}
	}
	if (Array.isArray(body)) return decode(body[0]); // statuses[].errors, value.errors
	const record = asRecord(body);
	// Meta's Error codes page: wraps the error in `error`; Meta's Status messages webhook reference page: webhook errors are the bare object.
	return asRecord(record?.error) ?? record;
}

/** Advice when the code is unknown: the HTTP status still says whether waiting helps. */
function adviceForUnknown(code: number, httpStatus: number | undefined, metaTitle: string | undefined): MetaErrorAdvice {
	const advice = describeMetaError(code);
	const title = metaTitle ?? advice.title;
	if (httpStatus === 429) return { ...advice, title, category: 'rate-limit', retryable: true, retryAfterSeconds: 60 };
	if (httpStatus !== undefined && httpStatus >= 500) return { ...advice, title, category: 'server', retryable: true, retryAfterSeconds: 30 };
	return { ...advice, title };
}

/**
 * Reads a Graph error response (Meta: Error codes) or a webhook error object (Meta: Status messages webhook reference, Messages webhook reference), raw or as
 * JSON text. Returns undefined when the body carries no Meta error code.
 */
export function parseGraphError(body: unknown, httpStatus?: number): MetaErrorInfo | undefined {
	const error = decode(body);
	const code = asInteger(error?.code);
	if (!error || code === undefined) return undefined;
	const message = asText(error.message) ?? asText(error.title) ?? '';
	const details = asText(asRecord(error.error_data)?.details) ?? asText(error.error_user_msg);
	const metaTitle = asText(error.title) ?? (message.replace(/^\(#\d+\)\s*/, '') || undefined);
	const known = KNOWN_META_ERROR_CODES.includes(code) || (code >= 200 && code <= 299);
	const subcode = asInteger(error.error_subcode);
	// Meta's message first: the details of an emulator or proxy may list several causes.
	const tokenProblem = code === 190 ? (accessTokenProblem(subcode, message) ?? accessTokenProblem(undefined, details ?? '')) : undefined;
	const info: MetaErrorInfo = {
		...(known ? describeMetaError(code, details ?? message) : adviceForUnknown(code, httpStatus, metaTitle)),
		...(tokenProblem ? TOKEN_ADVICE[tokenProblem] : {}),
		message,
	};
	const optional: Partial<MetaErrorInfo> = {
		details,
		subcode,
		fbtraceId: asText(error.fbtrace_id),
		httpStatus,
		type: asText(error.type),
		href: asText(error.href),
	};
	for (const [key, value] of Object.entries(optional)) {
		if (value !== undefined) (info as unknown as Record<string, unknown>)[key] = value;
	}
	return info;
}

/** 131009's advice by what was sent: the same code covers a stale message ID, a Flow not ready to send, a product not in the catalog. */
const PARAMETER_ADVICE_BY_MESSAGE: ReadonlyArray<{ matches: (message: { type?: unknown; interactive?: { type?: unknown } }) => boolean; advice: string }> = [
	{
		matches: (message) => message.type === 'interactive' && message.interactive?.type === 'flow',
		advice:
			'A value of the Flow message is not valid: the Flow ID may be wrong, the Flow may not be published (a draft is sent only in Draft mode; a deprecated or blocked Flow cannot be sent), or the first screen\'s name may differ (screen names are case-sensitive, e.g. APPOINTMENT). Check the Flow in WhatsApp Manager › Flows.',
	},
	{
		matches: (message) => message.type === 'interactive' && ['product', 'product_list', 'catalog_message'].includes(String(message.interactive?.type)),
		advice: 'A value of the product message is not valid: a product retailer ID may not be in the catalog connected to this number, or the catalog ID may be wrong. Check the catalog in Commerce Manager.',
	},
	{
		matches: (message) => message.type === 'reaction' || (message as { status?: unknown }).status === 'read',
		advice: 'The message ID is not valid: a wrong ID, or a message older than 30 days or deleted. Use the wamid of a recent message in this chat.',
	},
];

/**
 * The error of a send with 131009's advice made to fit the message sent (Meta: Error codes; Flows;
 * Sell products and services): Flow, product or reaction messages each have their own causes.
 * Other codes and other messages are returned unchanged.
 */
export function withAdviceForMessage<T extends MetaErrorAdvice>(info: T, message: unknown): T {
	if (info.code !== 131009 || !message || typeof message !== 'object') return info;
	const sent = message as { type?: unknown; interactive?: { type?: unknown }; context?: unknown };
	const fitting = PARAMETER_ADVICE_BY_MESSAGE.find((candidate) => candidate.matches(sent))?.advice;
	if (fitting) return { ...info, advice: fitting };
	return sent.context ? { ...info, advice: 'A value in the request is not valid, e.g. the ID of the message it replies to (older than 30 days, deleted, or wrong). Read the details below and correct the value.' } : info;
}

/** Message and description for display, e.g. as an n8n NodeApiError. */
export function formatMetaError(info: MetaErrorInfo): { message: string; description: string } {
	const lines = [info.advice];
	const metaText = info.message.replace(/^\(#\d+\)\s*/, '');
	if (metaText && metaText !== info.title && metaText !== info.details) lines.push(`WhatsApp said: ${metaText}`);
	if (info.details) lines.push(`Details: ${info.details}`);
	if (info.fbtraceId) lines.push(`Meta trace ID (quote it to Meta support): ${info.fbtraceId}`);
	return { message: `WhatsApp error ${info.code}: ${info.title}`, description: redactSecrets(lines.join('\n')) };
}

/**
 * Errors that every other request of the batch would get too, because they concern the
 * credential or the account, not the item (Meta: Error codes): an expired or invalid token (0,
 * 190), a missing permission (3, 10, 131005, 200–299). After one of them the node sends nothing
 * more and reports the same error on the items left.
 */
export function stopsBatch(info: Pick<MetaErrorInfo, 'code'>): boolean {
	return [0, 190, 3, 10, 131005].includes(info.code) || (info.code >= 200 && info.code <= 299);
}
