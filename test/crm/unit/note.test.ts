import { CrmInputError, DEFAULT_NOTE_TEMPLATE, DEFAULT_NOTE_TITLE, noteHtml, noteValues, renderNote, type CrmMessage } from '../../../nodes/shared/crm';

const person = { waId: '447700900123', e164: '+447700900123', profileName: 'Ana Silva' };

describe('note text from the template', () => {
	test('the default template for an inbound text: direction, who, when, type, text', () => {
		const message: CrmMessage = { direction: 'inbound', type: 'text', text: 'Where is my order?', timestamp: '2026-05-14T09:51:07.000Z', messageId: 'wamid.1' };
		const values = noteValues(message, person, {});
		expect(renderNote(DEFAULT_NOTE_TITLE, values)).toBe('WhatsApp Received 2026-05-14 09:51 UTC');
		expect(renderNote(DEFAULT_NOTE_TEMPLATE, values)).toBe(
			'Received on WhatsApp from Ana Silva (+447700900123) at 2026-05-14 09:51 UTC\nType: text\nWhere is my order?',
		);
	});

	test('a sender who hides their number is named by the business-scoped user ID', () => {
		const message: CrmMessage = { direction: 'inbound', type: 'text', text: 'hi', timestamp: '2026-05-14T09:51:07.000Z' };
		const text = renderNote(DEFAULT_NOTE_TEMPLATE, noteValues(message, { waId: '', userId: 'US.13491208655302741918', profileName: 'Ana' }, {}));
		expect(text.split('\n')[0]).toBe('Received on WhatsApp from Ana (WhatsApp user ID US.13491208655302741918) at 2026-05-14 09:51 UTC');
	});

	test('an inbound image: the caption is the body and the media is named', () => {
		const message: CrmMessage = { direction: 'inbound', type: 'image', caption: 'broken part', timestamp: '2026-05-14T09:51:07.000Z', media: { id: 'M1', mimeType: 'image/jpeg' } };
		expect(renderNote(DEFAULT_NOTE_TEMPLATE, noteValues(message, person, {}))).toContain('broken part\nMedia: image/jpeg (media ID M1)');
	});

	test('an outbound message says Sent … to, and a message without text shows its type', () => {
		const message: CrmMessage = { direction: 'outbound', type: 'template', timestamp: '2026-05-14T10:00:00.000Z' };
		const text = renderNote(DEFAULT_NOTE_TEMPLATE, noteValues(message, person, {}));
		expect(text).toMatch(/^Sent on WhatsApp to Ana Silva/);
		expect(text).toContain('[template]');
	});

	test('a custom template reads the whole input item, and HTML is not escaped', () => {
		const message: CrmMessage = { direction: 'inbound', type: 'text', text: 'a < b & c', timestamp: '2026-05-14T09:51:07.000Z' };
		expect(renderNote('{{body}} / order {{item.order.id}}', noteValues(message, person, { order: { id: 'A-17' } }))).toBe('a < b & c / order A-17');
	});

	test('a broken template is refused with the fix', () => {
		expect(() => renderNote('{{#if text}}unclosed', {})).toThrow(CrmInputError);
	});

	test('HubSpot note bodies keep line breaks and escape markup', () => {
		expect(noteHtml('Title <1>', 'line 1\nline <2>')).toBe('<strong>Title &lt;1&gt;</strong><br>line 1<br>line &lt;2&gt;');
	});
});
