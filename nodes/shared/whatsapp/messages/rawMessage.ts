import { WhatsAppValidationError } from '../validationError';

/** A message body the user wrote themselves, for types the node has no fields for (Meta: Send messages). */
export type RawMessageBody = Record<string, unknown> & { messaging_product: 'whatsapp'; type: string };

const EXAMPLE = '{"messaging_product": "whatsapp", "to": "+16505551234", "type": "text", "text": {"body": "Hi"}}';

const fail = (message: string, fix: string): never => {
	throw new WhatsAppValidationError(message, 'rawBody', fix);
};

/**
 * Checks the minimal shape every send shares (Meta: Send messages) and returns the body unchanged:
 * a JSON object (or its text) with messaging_product "whatsapp", a recipient in `to` (phone number)
 * or `recipient` (business-scoped user ID, Meta: Business-scoped user IDs), a `type`, and the object
 * named after that type (`"type": "text"` needs `"text": {…}`). Everything else is Meta's to judge.
 * Throws WhatsAppValidationError (field `rawBody`) naming what is missing.
 */
export function checkRawMessage(value: unknown): RawMessageBody {
	let body = value;
	if (typeof value === 'string') {
		if (value.trim() === '') fail('The message body is empty.', `Write the JSON body of the message, e.g. ${EXAMPLE}`);
		try {
			body = JSON.parse(value);
		} catch (error) {
			fail(`The message body is not valid JSON (${(error as Error).message}).`, 'Check quotes, commas and brackets.');
		}
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) fail('The message body must be a JSON object.', `Use the shape ${EXAMPLE}`);
	const message = body as Record<string, unknown>;
	if (message.messaging_product !== 'whatsapp') {
		fail('The message body has no "messaging_product": "whatsapp".', 'Add "messaging_product": "whatsapp" to the body.');
	}
	const filled = (key: string) => typeof message[key] === 'string' && (message[key] as string).trim() !== '';
	if (!filled('to') && !filled('recipient')) {
		fail('The message body names no recipient.', 'Add "to" with the phone number (e.g. "+16505551234"), or "recipient" with a business-scoped user ID.');
	}
	if (!filled('type')) fail('The message body has no "type".', 'Add the message type, e.g. "type": "text", and its object, e.g. "text": {"body": "Hi"}.');
	const type = String(message.type).trim();
	const content = message[type];
	if (!content || typeof content !== 'object' || Array.isArray(content)) {
		fail(`The message body has "type": "${type}" but no "${type}" object.`, `Add "${type}": {…} with the message's content.`);
	}
	return message as RawMessageBody;
}
