/**
 * The text of a CRM note (or ticket comment) for one WhatsApp message, from a Handlebars template the
 * user can edit (https://handlebarsjs.com/guide/). Values available: `direction` ("inbound" or
 * "outbound"), `directionLabel` ("Received" or "Sent"), `time` (ISO 8601 UTC), `timeText`
 * ("2026-05-14 09:51 UTC"), `type`, `text`, `caption`, `content` (what the message says, for every
 * type: messageContent.ts), `body` (content, else text, else caption, else "[type]"),
 * `media` ({id, mimeType, filename}), `messageId`, `templateName`, `name`, `waId`, `e164`, `userId`,
 * `who` ("Ana Silva (+447700900123)", "+447700900123" without a name, or the business-scoped user ID
 * of someone who hides their number), and `item` (the whole input item).
 */
import Handlebars from 'handlebars';
import { CrmInputError } from './errors';
import type { CrmMessage, WhatsAppPerson } from './types';

const handlebars = Handlebars.create();

/** The default note title: short, sortable, says the direction. */
export const DEFAULT_NOTE_TITLE = 'WhatsApp {{directionLabel}} {{timeText}}';

/** The default note body: who (number, or the BSUID of someone who hides it), when, what; media named when there is some. */
export const DEFAULT_NOTE_TEMPLATE = [
	'{{directionLabel}} on WhatsApp {{#if (eq direction "inbound")}}from{{else}}to{{/if}} {{who}} at {{timeText}}',
	'Type: {{type}}',
	'{{body}}',
	'{{#if media}}Media: {{#if media.filename}}{{media.filename}} {{/if}}{{media.mimeType}} (media ID {{media.id}}){{/if}}',
].join('\n');

handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);

/** "2026-05-14T09:51:07.000Z" → "2026-05-14 09:51 UTC"; other strings unchanged. */
export function timeText(iso: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
	return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** The person in words: the name with the number (or user ID) in parentheses, or the number alone when there is no name. */
export function personText(person: WhatsAppPerson): string {
	const id = person.e164 ?? (person.userId ? `WhatsApp user ID ${person.userId}` : '');
	if (!person.profileName) return id;
	return id ? `${person.profileName} (${id})` : person.profileName;
}

/** What the template sees for one message (see the file comment). */
export function noteValues(message: CrmMessage, person: WhatsAppPerson, item: Record<string, unknown>): Record<string, unknown> {
	return {
		...message,
		directionLabel: message.direction === 'inbound' ? 'Received' : 'Sent',
		time: message.timestamp,
		timeText: timeText(message.timestamp),
		body: message.content ?? message.text ?? message.caption ?? `[${message.type}]`,
		name: person.profileName,
		waId: person.waId,
		e164: person.e164,
		userId: person.userId,
		who: personText(person),
		item,
	};
}

/**
 * Renders `template` with `values`. Output is plain text (no HTML escaping); blank lines left by
 * empty sections are removed. Throws CrmInputError naming the template problem.
 */
export function renderNote(template: string, values: Record<string, unknown>): string {
	let render: HandlebarsTemplateDelegate;
	try {
		render = handlebars.compile(template, { noEscape: true });
		return render(values)
			.split('\n')
			.map((line) => line.trimEnd())
			.filter((line) => line !== '')
			.join('\n');
	} catch (error) {
		throw new CrmInputError(
			`The note template could not be read: ${(error as Error).message.split('\n')[0]}`,
			'Fix the Handlebars syntax in Note Template (every {{#if}} needs {{/if}}), or clear the field to use the default.',
		);
	}
}
