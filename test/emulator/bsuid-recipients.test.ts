import type { RunningEmulator } from '../../emulator';
import { call, expectMetaError, graph, openWindow, PHONE, USER, useTestEmulator } from '../harness/emulatorClient';
import { abandonedCart, loginCode } from './template-fixtures';

const sendRaw = (emulator: RunningEmulator, message: Record<string, unknown>, path = 'messages') =>
	graph(emulator, 'POST', `/${PHONE}/${path}`, { messaging_product: 'whatsapp', recipient_type: 'individual', ...message });
const text = { type: 'text', text: { body: 'Your plant is ready for pickup.' } };

describe('business-scoped user IDs (BSUID) as recipients', () => {
	const emulator = useTestEmulator();
	let userId: string;
	beforeEach(async () => {
		userId = (await call(emulator, 'GET', `/__emulator/users/${USER}`)).json.user_id;
	});

	it('every user has a stable BSUID: country code, a period, 20 digits', async () => {
		expect(userId).toMatch(/^US\.\d{20}$/);
		expect((await call(emulator, 'GET', `/__emulator/users/+1 650 555 1234`)).json).toEqual({ wa_id: USER, user_id: userId });
	});

	it('a message with `recipient` instead of `to` reaches the user; contacts carries input and user_id, no wa_id', async () => {
		await openWindow(emulator);
		const response = await sendRaw(emulator, { recipient: userId, ...text });
		expect(response.status).toBe(200);
		expect(response.json.contacts).toEqual([{ input: userId, user_id: userId }]);
		expect(emulator.state.messages.get(response.json.messages[0].id)).toMatchObject({ waId: USER, userId, to: userId, status: 'sent' });
	});

	it('the statuses of a message sent to a BSUID carry recipient_user_id (Meta: Business-scoped user IDs)', async () => {
		await openWindow(emulator);
		const viaBsuid = await sendRaw(emulator, { recipient: userId, ...text });
		const viaNumber = await sendRaw(emulator, { to: USER, ...text });
		const statusOf = (id: string) => emulator.state.outcomes.find((event) => event.messageId === id && event.status === 'sent');
		expect(statusOf(viaBsuid.json.messages[0].id)).toMatchObject({ recipientId: USER, recipientUserId: userId });
		expect(statusOf(viaNumber.json.messages[0].id)).not.toHaveProperty('recipientUserId');
	});

	it('with both `to` and `recipient`, `to` wins', async () => {
		await openWindow(emulator);
		const response = await sendRaw(emulator, { to: `+${USER}`, recipient: 'US.11111111111111111111', ...text });
		expect(response.json.contacts).toEqual([{ input: `+${USER}`, wa_id: USER }]);
	});

	it('the Marketing Messages API takes `recipient` too', async () => {
		const response = await sendRaw(emulator, { recipient: userId, ...abandonedCart }, 'marketing_messages');
		expect(response.json.contacts).toEqual([{ input: userId, user_id: userId }]);
	});

	it('an authentication template to a BSUID → 131062', async () => {
		expectMetaError(await sendRaw(emulator, { recipient: userId, ...loginCode }), 131062);
	});

	it.each([
		['neither to nor recipient', 131008, {}],
		['a recipient that is not a BSUID', 131009, { recipient: '16505551234' }],
		['a BSUID no user has', 131009, { recipient: 'US.00000000000000000001' }],
	])('%s → %i', async (_name, code, addressing) => {
		expectMetaError(await sendRaw(emulator, { ...addressing, ...text }), code);
	});

	it('inbound webhooks carry contacts[].user_id when the admin call asks for it (userId: true or a chosen BSUID)', async () => {
		const inbound = await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'Hi', userId: true });
		expect(inbound.json.webhook.body.entry[0].changes[0].value.contacts).toEqual([{ profile: { name: 'Emulated User' }, wa_id: USER, user_id: userId }]);
		const chosen = await call(emulator, 'POST', '/__emulator/inbound', { from: '16505550000', text: 'Hi', userId: 'US.42424242424242424242' });
		expect(chosen.json.contact.user_id).toBe('US.42424242424242424242');
		expect((await sendRaw(emulator, { recipient: 'US.42424242424242424242', ...text })).json.contacts[0]).toEqual({ input: 'US.42424242424242424242', user_id: 'US.42424242424242424242' });
	});

	it('POST /__emulator/users gives a user a chosen BSUID; a malformed one is refused', async () => {
		expect((await call(emulator, 'POST', '/__emulator/users', { waId: USER, userId: 'BR.123' })).json).toEqual({ wa_id: USER, user_id: 'BR.123' });
		expect((await call(emulator, 'GET', `/__emulator/users/${USER}`)).json.user_id).toBe('BR.123');
		expect((await call(emulator, 'POST', '/__emulator/users', { waId: USER, userId: 'user-1' })).status).toBe(400);
	});
});
