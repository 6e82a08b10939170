/**
 * Recipients as people write them, through Send Text with Validate Only in n8n-core's contexts
 * against the emulator: a number is sent to the number the person meant or refused on its item with
 * the fix; never to another number (docs/phone-numbers.md). Nothing is POSTed either way.
 */
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

const validateText = (messageOptions: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendText',
	to: '={{ $json.phone }}',
	text: 'Your parcel left the warehouse',
	messageOptions: { validateOnly: true, ...messageOptions },
});

async function check(phones: string[], messageOptions: Record<string, unknown> = {}) {
	const { items } = await bed.run(validateText(messageOptions), phones.map((phone) => ({ json: { phone } })), { continueOnFail: true });
	expect((await bed.accepted()).filter((request) => request.method === 'POST')).toHaveLength(0);
	return items.map((item) => {
		const json = item.json as { request?: { body: { to?: string } }; error?: { message: string; description?: string } };
		return json.request ? json.request.body.to : `refused: ${json.error?.description ?? json.error?.message}`;
	});
}

describe('Send Text › Validate Only, no Default Country: the number meant, or a refusal naming the fix', () => {
	test('national numbers are refused ("set Default Country"), not sent to a Swiss prefix', async () => {
		const sent = await check(['(415) 555-0132', '415 555 0132']);
		expect(sent).toEqual([expect.stringMatching(/^refused: .*looks like a national number: set Default Country/), expect.stringMatching(/^refused: .*set Default Country/)]);
	});

	test("a spreadsheet's decimal cell and the README's +44 (0) example reach the right number", async () => {
		expect(await check(['447700900123.0', '+44 (0)7700 900123'])).toEqual(['+447700900123', '+447700900123']);
	});

	test('a number with a digit too many is refused with "Check the digits"', async () => {
		expect(await check(['+44 7700 9001230'])).toEqual([expect.stringMatching(/^refused: Check the digits/)]);
	});

	test("Mexico's legacy 521 wa_id and Brazil's 8-digit wa_id are still sent as WhatsApp gives them", async () => {
		expect(await check(['5215512345678', '551188887777'])).toEqual(['+5215512345678', '+551188887777']);
	});
});

describe('Default Country', () => {
	test('UK is read as GB', async () => {
		expect(await check(['07700 900123'], { defaultCountry: 'UK' })).toEqual(['+447700900123']);
	});

	test('a wrong Default Country does not fail numbers that do not need it; it fails, with the fix, the one that does', async () => {
		const sent = await check(['+44 7700 900123', '0044 7700 900123', '07700 900123'], { defaultCountry: 'England' });
		expect(sent.slice(0, 2)).toEqual(['+447700900123', '+447700900123']);
		expect(sent[2]).toMatch(/^refused: Use the ISO 3166 code of the country, such as GB/);
	});
});
