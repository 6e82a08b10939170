import { call, graph, useTestEmulator, WABA } from '../harness/emulatorClient';

describe('admin API for account states (insights, onboarding, Flows, catalog, block lists, rate card)', () => {
	const emulator = useTestEmulator();

	it('GET /__emulator/waba shows the seeded settings; PATCH changes them and the WABA fields follow', async () => {
		expect((await call(emulator, 'GET', '/__emulator/waba')).json.data).toEqual([
			{ wabaId: WABA, insightsEnabled: false, insightsAvailable: true, marketingMessagesOnboardingStatus: 'ONBOARDED', messageActivitySharing: true },
		]);
		const patched = await call(emulator, 'PATCH', '/__emulator/waba', { insightsEnabled: true, marketingMessagesOnboardingStatus: 'NOT_ELIGIBLE' });
		expect(patched.json).toMatchObject({ insightsEnabled: true, marketingMessagesOnboardingStatus: 'NOT_ELIGIBLE' });
		expect((await graph(emulator, 'GET', `/${WABA}?fields=is_enabled_for_insights,marketing_messages_onboarding_status`)).json).toEqual({
			is_enabled_for_insights: true, marketing_messages_onboarding_status: 'NOT_ELIGIBLE', id: WABA,
		});
	});

	it.each([
		['an unknown setting', { insights: true }],
		['a status that is not an onboarding status', { marketingMessagesOnboardingStatus: 'YES' }],
		['a non-boolean switch', { insightsEnabled: 'true' }],
		['an unknown WABA', { wabaId: '1', insightsEnabled: true }],
	])('PATCH /__emulator/waba with %s → 400, nothing changed', async (_name, body) => {
		expect((await call(emulator, 'PATCH', '/__emulator/waba', body)).status).toBe(400);
		expect(emulator.state.features.settingsOf(WABA).insightsEnabled).toBe(false);
	});

	it('POST /__emulator/reset puts Flows, catalog, block lists, clicks and settings back to the seed', async () => {
		await call(emulator, 'PATCH', '/__emulator/waba', { insightsEnabled: true });
		await call(emulator, 'POST', '/__emulator/flows', { name: 'appointment_booking', status: 'BLOCKED' });
		await call(emulator, 'POST', '/__emulator/catalog', { connected: false });
		await call(emulator, 'POST', '/__emulator/blocked', { users: ['16505551234'] });
		await call(emulator, 'POST', '/__emulator/reset');
		const { features } = emulator.state;
		expect({
			insights: features.settingsOf(WABA).insightsEnabled,
			flow: features.flows.get('1189466095612001')?.status,
			catalog: features.catalogOf(WABA)?.connected,
			blocked: features.isBlocked('106540352242922', '16505551234'),
		}).toEqual({ insights: false, flow: 'PUBLISHED', catalog: true, blocked: false });
	});

	it('GET /__emulator/rate-card shows the USD rates analytics use', async () => {
		const response = await call(emulator, 'GET', '/__emulator/rate-card');
		expect(response.json).toMatchObject({ currency: 'USD', rates: { US: { marketing: 0.025, utility: 0.004, authentication: 0.004 }, OTHER: expect.any(Object) } });
	});

	it('POST /__emulator/clicks needs a template message with a URL button', async () => {
		expect((await call(emulator, 'POST', '/__emulator/clicks', { messageId: 'wamid.nope' })).status).toBe(400);
	});
});
