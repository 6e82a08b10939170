import { call, expectMetaError, graph, openWindow, send, USER, useTestEmulator, WABA } from '../harness/emulatorClient';

const APPOINTMENT_FLOW_ID = '1189466095612001';

/** An interactive flow message; `parameters` override the published appointment_booking Flow. */
const flowMessage = (parameters: Record<string, unknown> = {}) => ({
	type: 'interactive',
	interactive: {
		type: 'flow',
		header: { type: 'text', text: 'Book a repotting' },
		body: { text: 'Pick a day and a time that suit you.' },
		action: {
			name: 'flow',
			parameters: {
				flow_message_version: '3', flow_name: 'appointment_booking', flow_cta: 'Book now', flow_token: 'booking-7781',
				flow_action: 'navigate', flow_action_payload: { screen: 'APPOINTMENT', data: { store: 'Menlo Park' } },
				...parameters,
			},
		},
	},
});
const withoutName = (parameters: Record<string, unknown>) => flowMessage({ flow_name: undefined, ...parameters });

describe('Flows: GET /{waba-id}/flows, GET /{flow-id}, interactive flow messages and their completion', () => {
	const emulator = useTestEmulator();
	beforeEach(async () => await openWindow(emulator));

	it('lists the WABA\'s Flows with id, name, status, categories, validation_errors and cursor paging', async () => {
		const first = await graph(emulator, 'GET', `/${WABA}/flows?limit=4`);
		expect(first.json.data[0]).toEqual({ id: APPOINTMENT_FLOW_ID, name: 'appointment_booking', status: 'PUBLISHED', categories: ['APPOINTMENT_BOOKING'], validation_errors: [] });
		expect(first.json.data.map((flow: { status: string }) => flow.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'DRAFT', 'DEPRECATED']);
		const rest = await graph(emulator, 'GET', `/${WABA}/flows?limit=4&after=${first.json.paging.cursors.after}`);
		expect(rest.json.data.map((flow: { name: string }) => flow.name)).toEqual(['gift_card_claim', 'store_survey']);
	});

	it('GET /{flow-id} returns one Flow, with fields', async () => {
		expect((await graph(emulator, 'GET', `/${APPOINTMENT_FLOW_ID}?fields=name,status,json_version`)).json).toEqual({ name: 'appointment_booking', status: 'PUBLISHED', json_version: '7.0', id: APPOINTMENT_FLOW_ID });
	});

	it('sends a published Flow by name or by ID', async () => {
		expect((await send(emulator, flowMessage())).status).toBe(200);
		expect((await send(emulator, withoutName({ flow_id: APPOINTMENT_FLOW_ID, flow_action_payload: undefined }))).status).toBe(200);
	});

	it('a draft Flow needs mode "draft" (131009 otherwise)', async () => {
		const draft = { flow_name: 'customer_feedback', flow_action_payload: { screen: 'RATE' } };
		expectMetaError(await send(emulator, flowMessage(draft)), 131009);
		expect((await send(emulator, flowMessage({ ...draft, mode: 'draft' }))).status).toBe(200);
	});

	it.each([
		['a deprecated Flow', 131009, { flow_name: 'quote_request_2024', flow_action_payload: undefined }],
		['a blocked Flow', 132068, { flow_name: 'gift_card_claim', flow_action_payload: undefined }],
		['a Flow the WABA does not have', 131009, { flow_name: 'no_such_flow' }],
		['a first screen the Flow does not have', 131009, { flow_action_payload: { screen: 'CHECKOUT' } }],
		['an empty data object', 131009, { flow_action_payload: { screen: 'APPOINTMENT', data: {} } }],
		['data_exchange with a flow_action_payload', 131009, { flow_action: 'data_exchange' }],
		['flow_id and flow_name together (the schema allows one)', 131009, { flow_id: APPOINTMENT_FLOW_ID }],
		['a flow_message_version other than "3"', 131009, { flow_message_version: '2' }],
		['a CTA longer than 30 characters', 131009, { flow_cta: 'Book your repotting appointment now' }],
	])('%s → %i', async (_name, code, parameters) => {
		expectMetaError(await send(emulator, flowMessage(parameters)), code);
	});

	it('a throttled Flow sends 10 messages an hour, then 132069', async () => {
		const survey = { flow_name: 'store_survey', flow_action_payload: undefined };
		for (let index = 0; index < 10; index += 1) expect((await send(emulator, flowMessage(survey))).status).toBe(200);
		expectMetaError(await send(emulator, flowMessage(survey)), 132069);
		await call(emulator, 'POST', '/__emulator/clock', { advanceMs: 61 * 60 * 1000 });
		await openWindow(emulator);
		expect((await send(emulator, flowMessage(survey))).status).toBe(200);
	});

	it('the admin API adds and changes Flows (a new published Flow can be sent at once)', async () => {
		const created = await call(emulator, 'POST', '/__emulator/flows', { name: 'loyalty_signup', status: 'PUBLISHED', categories: ['SIGN_UP'], screens: ['JOIN'] });
		expect(created.json).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'loyalty_signup', status: 'PUBLISHED' });
		expect((await send(emulator, flowMessage({ flow_name: 'loyalty_signup', flow_action_payload: { screen: 'JOIN' } }))).status).toBe(200);
		await call(emulator, 'POST', '/__emulator/flows', { name: 'loyalty_signup', status: 'DEPRECATED' });
		expectMetaError(await send(emulator, flowMessage({ flow_name: 'loyalty_signup', flow_action_payload: undefined })), 131009);
		expect((await call(emulator, 'POST', '/__emulator/flows', { name: 'x', status: 'LIVE' })).status).toBe(400);
	});

	it('the customer completes the Flow: an nfm_reply webhook whose response_json carries the answers and the message\'s flow_token', async () => {
		const sent = await send(emulator, flowMessage());
		const completed = await call(emulator, 'POST', '/__emulator/flows/complete', { from: USER, response: { date: '2026-03-12', time: '10:30' } });
		expect(completed.status).toBe(200);
		const message = completed.json.webhook.body.entry[0].changes[0].value.messages[0];
		expect(message).toMatchObject({
			from: USER, type: 'interactive',
			context: { id: sent.json.messages[0].id },
			interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: expect.any(String) } },
		});
		expect(JSON.parse(message.interactive.nfm_reply.response_json)).toEqual({ date: '2026-03-12', time: '10:30', flow_token: 'booking-7781' });
		expect(completed.json.flowMessageId).toBe(sent.json.messages[0].id);
	});

	it('completing a Flow sent without a flow_token reports "unused"; no Flow message → 400', async () => {
		expect((await call(emulator, 'POST', '/__emulator/flows/complete', { from: USER })).status).toBe(400);
		const sent = await send(emulator, flowMessage({ flow_token: undefined }));
		const completed = await call(emulator, 'POST', '/__emulator/flows/complete', { messageId: sent.json.messages[0].id });
		expect(JSON.parse(completed.json.message.interactive.nfm_reply.response_json)).toEqual({ flow_token: 'unused' });
	});
});
