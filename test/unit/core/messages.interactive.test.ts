import {
	buildCtaUrlMessage,
	buildListMessage,
	buildLocationRequestMessage,
	buildReplyButtonsMessage,
	type ListSectionInput,
} from '../../../nodes/shared/whatsapp/messages';
import { expectValidationError } from '../../harness/expectValidationError';

const to = '+16505551234';
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };

describe('buildReplyButtonsMessage (Meta: Interactive reply buttons messages)', () => {
	const buttons = [
		{ id: 'change-button', title: 'Change' },
		{ id: 'cancel-button', title: 'Cancel' },
	];

	it("builds Meta's documented example with an image header and footer", () => {
		const body = buildReplyButtonsMessage({
			to,
			header: { type: 'image', mediaId: '2762702990552401' },
			body: 'Your workshop is at 9am tomorrow.',
			footer: 'Lucky Shrub',
			buttons,
		});
		expect(body).toEqual({
			...envelope,
			type: 'interactive',
			interactive: {
				type: 'button',
				header: { type: 'image', image: { id: '2762702990552401' } },
				body: { text: 'Your workshop is at 9am tomorrow.' },
				footer: { text: 'Lucky Shrub' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'change-button', title: 'Change' } },
						{ type: 'reply', reply: { id: 'cancel-button', title: 'Cancel' } },
					],
				},
			},
		});
	});

	it('takes text, video and document headers by ID or link', () => {
		const header = (h: Parameters<typeof buildReplyButtonsMessage>[0]['header']) =>
			buildReplyButtonsMessage({ to, body: 'Hi', buttons, header: h }).interactive.header;
		expect(header({ type: 'text', text: 'Workshop' })).toEqual({ type: 'text', text: 'Workshop' });
		expect(header({ type: 'video', link: 'https://example.com/v.mp4' })).toEqual({ type: 'video', video: { link: 'https://example.com/v.mp4' } });
		expect(header({ type: 'document', mediaId: '77' })).toEqual({ type: 'document', document: { id: '77' } });
	});

	it('uses the title as the ID when no ID is given, and omits absent header and footer', () => {
		const body = buildReplyButtonsMessage({ to, body: 'Pick one', buttons: [{ title: 'Yes' }, { title: 'No', id: '' }], footer: '' });
		expect(body.interactive).toEqual({
			type: 'button',
			body: { text: 'Pick one' },
			action: { buttons: [{ type: 'reply', reply: { id: 'Yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'No', title: 'No' } }] },
		});
	});

	it('rejects more than 3 buttons or none', () => {
		const four = ['A', 'B', 'C', 'D'].map((title) => ({ title }));
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons: four }), 'buttons', /3 buttons or fewer.*list message/);
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons: [] }), 'buttons', /at least one/);
	});

	it('rejects duplicate titles and duplicate IDs', () => {
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons: [{ title: 'Yes' }, { title: 'Yes', id: 'y2' }] }), 'buttons[1].title', /its own title/);
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons: [{ title: 'Yes', id: 'a' }, { title: 'No', id: 'a' }] }), 'buttons[1].id', /its own ID/);
	});

	it('rejects a title over 20 and an ID over 256 characters', () => {
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons: [{ title: 'x'.repeat(21) }] }), 'buttons[0].title', /20 characters or fewer \(it has 21\)/);
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons: [{ title: 'Ok', id: 'i'.repeat(257) }] }), 'buttons[0].id', /256/);
	});

	it('rejects an empty body, a body over 1024, a footer over 60 and a header text over 60', () => {
		expectValidationError(() => buildReplyButtonsMessage({ to, body: '', buttons }), 'body');
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'b'.repeat(1025), buttons }), 'body', /1024/);
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons, footer: 'f'.repeat(61) }), 'footer', /60/);
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons, header: { type: 'text', text: 'h'.repeat(61) } }), 'header.text', /60/);
	});

	it('rejects a media header with both or neither of ID and link', () => {
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons, header: { type: 'image', mediaId: '1', link: 'https://e.com/a.png' } }), 'header');
		expectValidationError(() => buildReplyButtonsMessage({ to, body: 'Hi', buttons, header: { type: 'image' } }), 'header');
	});
});

describe('buildListMessage (Meta: Interactive list messages)', () => {
	it("builds Meta's documented example", () => {
		const body = buildListMessage({
			to,
			headerText: 'Choose Shipping Option',
			body: 'Which shipping option do you prefer?',
			footer: 'Lucky Shrub',
			buttonLabel: 'Shipping Options',
			sections: [{ title: 'I want it ASAP!', rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] }],
		});
		expect(body).toEqual({
			...envelope,
			type: 'interactive',
			interactive: {
				type: 'list',
				header: { type: 'text', text: 'Choose Shipping Option' },
				body: { text: 'Which shipping option do you prefer?' },
				footer: { text: 'Lucky Shrub' },
				action: {
					button: 'Shipping Options',
					sections: [{ title: 'I want it ASAP!', rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] }],
				},
			},
		});
	});

	const rows = (count: number, prefix = 'r') => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${prefix}${i}` }));

	it('allows 10 rows in total and a 4096-character body', () => {
		const body = buildListMessage({ to, body: 'b'.repeat(4096), buttonLabel: 'Open', sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(4, 'b') }] });
		expect(body.interactive.action.sections.flatMap((s) => s.rows)).toHaveLength(10);
	});

	it('rejects more than 10 rows across sections', () => {
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }] }), 'sections', /10 or fewer in total/);
	});

	it('rejects no sections, more than 10 sections and an empty section', () => {
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [] }), 'sections');
		const eleven: ListSectionInput[] = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}`) }));
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: eleven }), 'sections', /10 or fewer/);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [{ title: 'A', rows: [] }] }), 'sections[0].rows', /at least one row/);
	});

	it('needs section titles only when there is more than one section', () => {
		expect(buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [{ rows: rows(1) }] }).interactive.action.sections).toEqual([{ rows: [{ id: 'r0', title: 'Row r0' }] }]);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [{ rows: rows(1, 'a') }, { title: 'B', rows: rows(1, 'b') }] }), 'sections[0].title');
	});

	it('rejects field lengths over the limits', () => {
		const one = (row: object) => [{ rows: [{ id: 'x', title: 'X', ...row }] }];
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'b'.repeat(21), sections: one({}) }), 'buttonLabel', /20/);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: one({ title: 't'.repeat(25) }) }), 'sections[0].rows[0].title', /24/);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: one({ id: 'i'.repeat(201) }) }), 'sections[0].rows[0].id', /200/);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: one({ description: 'd'.repeat(73) }) }), 'sections[0].rows[0].description', /72/);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [{ title: 's'.repeat(25), rows: rows(1) }] }), 'sections[0].title', /24/);
		expectValidationError(() => buildListMessage({ to, body: 'b'.repeat(4097), buttonLabel: 'Open', sections: one({}) }), 'body', /4096/);
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: '', sections: one({}) }), 'buttonLabel');
	});

	it('rejects duplicate row IDs anywhere in the list', () => {
		expectValidationError(() => buildListMessage({ to, body: 'Hi', buttonLabel: 'Open', sections: [{ title: 'A', rows: [{ id: 'x', title: 'One' }] }, { title: 'B', rows: [{ id: 'x', title: 'Two' }] }] }), 'sections', /its own ID/);
	});
});

describe('buildCtaUrlMessage (Meta: Interactive CTA URL button messages)', () => {
	it("builds Meta's documented example", () => {
		const body = buildCtaUrlMessage({
			to,
			header: { type: 'image', link: 'https://example.com/banner.png' },
			body: 'Tap the button below to see available dates.',
			displayText: 'See Dates',
			url: 'https://www.luckyshrub.com?clickID=abc',
			footer: 'Dates subject to change.',
		});
		expect(body).toEqual({
			...envelope,
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				header: { type: 'image', image: { link: 'https://example.com/banner.png' } },
				body: { text: 'Tap the button below to see available dates.' },
				action: { name: 'cta_url', parameters: { display_text: 'See Dates', url: 'https://www.luckyshrub.com?clickID=abc' } },
				footer: { text: 'Dates subject to change.' },
			},
		});
	});

	it('rejects a URL that is not http(s) and a label over 20 characters', () => {
		expectValidationError(() => buildCtaUrlMessage({ to, body: 'Hi', displayText: 'Open', url: 'javascript:alert(1)' }), 'url', /https:\/\//);
		expectValidationError(() => buildCtaUrlMessage({ to, body: 'Hi', displayText: 'Open', url: 'www.example.com' }), 'url', /full address/);
		expectValidationError(() => buildCtaUrlMessage({ to, body: 'Hi', displayText: 'd'.repeat(21), url: 'https://e.com' }), 'displayText', /20 characters or fewer/);
	});
});

describe('buildLocationRequestMessage (Meta: Location request messages)', () => {
	it("builds Meta's documented example", () => {
		expect(buildLocationRequestMessage({ to, body: 'Share your pickup location.' })).toEqual({
			...envelope,
			type: 'interactive',
			interactive: { type: 'location_request_message', body: { text: 'Share your pickup location.' }, action: { name: 'send_location' } },
		});
	});

	it('rejects an empty body and one over 1024 characters', () => {
		expectValidationError(() => buildLocationRequestMessage({ to, body: '' }), 'body');
		expectValidationError(() => buildLocationRequestMessage({ to, body: 'x'.repeat(1025) }), 'body', /1024/);
	});
});
