/**
 * Meta error codes the emulator produces: title and HTTP status from the code table of Meta's Error codes page.
 * Titles are in Meta's words where that page gives them; clients must branch on `code` only.
 */
export interface ErrorCodeInfo {
	title: string;
	httpStatus: number;
}

export const ERROR_CODES: Record<number, ErrorCodeInfo> = {
	0: { title: 'AuthException', httpStatus: 401 },
	1: { title: 'An unknown error occurred', httpStatus: 400 },
	2: { title: 'Service temporarily unavailable', httpStatus: 503 },
	4: { title: 'Application request limit reached', httpStatus: 400 },
	10: { title: 'Permission Denied', httpStatus: 403 },
	15: { title: 'This method must be called with an app access_token', httpStatus: 400 },
	100: { title: 'Invalid parameter', httpStatus: 400 },
	101: { title: 'Error validating application. Invalid application ID', httpStatus: 400 },
	190: { title: 'Invalid OAuth access token - Cannot parse access token', httpStatus: 401 },
	2200: { title: 'Callback verification failed', httpStatus: 400 },
	80007: { title: 'Rate limit issues', httpStatus: 400 },
	130429: { title: 'Rate limit hit', httpStatus: 400 },
	130472: { title: "User's number is part of an experiment", httpStatus: 400 },
	131000: { title: 'Something went wrong', httpStatus: 500 },
	131008: { title: 'Required parameter is missing', httpStatus: 400 },
	131009: { title: 'Parameter value is not valid', httpStatus: 400 },
	131016: { title: 'Service unavailable', httpStatus: 500 },
	131021: { title: 'Recipient cannot be sender', httpStatus: 400 },
	131026: { title: 'Message undeliverable', httpStatus: 400 },
	131047: { title: 'Re-engagement message', httpStatus: 400 },
	131049: { title: 'This message was not delivered to maintain healthy ecosystem engagement.', httpStatus: 400 },
	131050: { title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.', httpStatus: 400 },
	131051: { title: 'Unsupported message type', httpStatus: 400 },
	131053: { title: 'Media upload error', httpStatus: 400 },
	131055: { title: 'Method not allowed', httpStatus: 400 },
	131056: { title: '(Business Account, Consumer Account) pair rate limit hit', httpStatus: 400 },
	131062: { title: 'Business-scoped User ID recipients are not supported for this message', httpStatus: 400 },
	132000: { title: 'Number of parameters does not match the expected number of params', httpStatus: 400 },
	132001: { title: 'Template name does not exist in the translation', httpStatus: 404 },
	132005: { title: 'Translated text too long', httpStatus: 400 },
	132007: { title: 'Template Format Character Policy Violated', httpStatus: 400 },
	132012: { title: 'Parameter format does not match format in the created template', httpStatus: 400 },
	132015: { title: 'Template is Paused', httpStatus: 400 },
	132016: { title: 'Template is Disabled', httpStatus: 400 },
	132068: { title: 'Flow is blocked', httpStatus: 400 },
	132069: { title: 'Flow is throttled', httpStatus: 400 },
	134100: { title: 'Only marketing messages supported', httpStatus: 400 },
	134101: { title: 'Your template is still syncing', httpStatus: 400 },
	134102: { title: 'Template unavailable for use', httpStatus: 500 },
	139100: { title: 'Failed to block/unblock users', httpStatus: 400 },
	139101: { title: 'Blocklist limit reached', httpStatus: 400 },
	139102: { title: 'Blocklist concurrent update', httpStatus: 400 },
	139103: { title: 'Internal error', httpStatus: 500 },
	200005: { title: 'Template insights unavailable', httpStatus: 400 },
	200006: { title: 'Cannot disable template insights', httpStatus: 400 },
	200007: { title: 'Template Insights not enabled', httpStatus: 400 },
};

export function errorCodeInfo(code: number): ErrorCodeInfo {
	return ERROR_CODES[code] ?? { title: 'An unknown error occurred', httpStatus: 400 };
}

/** Where webhook error objects point (Meta: Status messages webhook reference `href`). */
export const ERROR_CODES_HREF = '/documentation/business-messaging/whatsapp/support/error-codes';
