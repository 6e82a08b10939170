import type { RunningEmulator } from '../../emulator';
import { call, expectMetaError, graph, PHONE, USER, useTestEmulator, WABA } from '../harness/emulatorClient';
import { abandonedCart, orderConfirmation, TEMPLATE_IDS } from './template-fixtures';

const marketingSend = (emulator: RunningEmulator, message: Record<string, unknown>, version = 'v23.0') =>
	call(emulator, 'POST', `/${version}/${PHONE}/marketing_messages`, { messaging_product: 'whatsapp', recipient_type: 'individual', to: USER, ...message });

describe('Marketing Messages API: POST /{phone-number-id}/marketing_messages', () => {
	const emulator = useTestEmulator();

	const sentMessage = (response: { json: any }) => emulator.state.messages.get(response.json.messages[0].id)!;
	const pricingOf = (response: { json: any }) => emulator.state.outcomes.find((event) => event.messageId === response.json.messages[0].id)!.pricing;

	it('an onboarded WABA sends a MARKETING template through the Marketing Messages API, priced marketing_lite', async () => {
		const response = await marketingSend(emulator, { ...abandonedCart, message_activity_sharing: false });
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: USER, wa_id: USER }], messages: [{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }] });
		expect(sentMessage(response)).toMatchObject({ route: 'marketing_messages', templateId: TEMPLATE_IDS.abandonedCart, messageActivitySharing: false, status: 'sent' });
		expect(pricingOf(response)).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing_lite' });
		const conversation = emulator.state.outcomes.find((event) => event.messageId === response.json.messages[0].id)!.conversation;
		expect(conversation?.origin).toEqual({ type: 'marketing_lite' });
	});

	it('without message_activity_sharing the WABA default applies', async () => {
		await call(emulator, 'PATCH', '/__emulator/waba', { messageActivitySharing: false });
		expect(sentMessage(await marketingSend(emulator, abandonedCart)).messageActivitySharing).toBe(false);
	});

	it('the template\'s time-to-live applies on this route and is recorded with the message', async () => {
		const created = await graph(emulator, 'POST', `/${WABA}/message_templates`, {
			name: 'cactus_flash_sale', language: 'en_US', category: 'MARKETING', message_send_ttl_seconds: 43_200, components: [{ type: 'BODY', text: 'Flash sale on cacti today only!' }],
		});
		expect(created.status).toBe(200);
		const response = await marketingSend(emulator, { type: 'template', template: { name: 'cactus_flash_sale', language: { code: 'en_US' } } });
		expect(sentMessage(response)).toMatchObject({ route: 'marketing_messages', ttlSeconds: 43_200 });
	});

	it('a WABA not onboarded falls back to Cloud API by default (priced marketing, route cloud_api)', async () => {
		await call(emulator, 'PATCH', '/__emulator/waba', { marketingMessagesOnboardingStatus: 'ELIGIBLE' });
		const response = await marketingSend(emulator, { ...abandonedCart, product_policy: 'CLOUD_API_FALLBACK' });
		expect(response.status).toBe(200);
		expect(sentMessage(response)).toMatchObject({ route: 'cloud_api' });
		expect(pricingOf(response)?.category).toBe('marketing');
		expect((await graph(emulator, 'GET', `/${WABA}?fields=marketing_messages_onboarding_status`)).json).toEqual({ marketing_messages_onboarding_status: 'ELIGIBLE', id: WABA });
	});

	it('a WABA not onboarded with product_policy STRICT → 134102 (HTTP 500), nothing sent', async () => {
		await call(emulator, 'PATCH', '/__emulator/waba', { marketingMessagesOnboardingStatus: 'ELIGIBLE' });
		expectMetaError(await marketingSend(emulator, { ...abandonedCart, product_policy: 'STRICT' }), 134102, 500);
		expect(emulator.state.messages.size).toBe(0);
	});

	it('a UTILITY template → 134100 on v23.0, 131055 on older versions', async () => {
		expectMetaError(await marketingSend(emulator, orderConfirmation), 134100);
		expectMetaError(await marketingSend(emulator, orderConfirmation, 'v21.0'), 131055);
	});

	it('a non-template message → 100 "Message must be a template message."', async () => {
		const response = await marketingSend(emulator, { type: 'text', text: { body: 'Hi' } });
		expectMetaError(response, 100);
		expect(response.json.error.error_data.details).toMatch(/^Message must be a template message\./);
	});

	it.each([
		['an unknown key (the schema is closed)', 100, { ...abandonedCart, ttl: 3600 }],
		['a product_policy Meta does not define', 131009, { ...abandonedCart, product_policy: 'SOMETIMES' }],
		['no recipient_type (required by this schema)', 131008, { ...abandonedCart, recipient_type: undefined }],
		['a template that does not exist', 132001, { type: 'template', template: { name: 'nope', language: { code: 'en_US' } } }],
	])('%s → %i', async (_name, code, message) => {
		expectMetaError(await marketingSend(emulator, message), code, code === 132001 ? 404 : 400);
	});

	it('template analytics count Marketing Messages API sends under product_type MARKETING_MESSAGES_API_FOR_WHATSAPP only', async () => {
		await marketingSend(emulator, abandonedCart);
		await graph(emulator, 'POST', `/${WABA}?is_enabled_for_insights=true`);
		const today = Math.floor(Date.now() / 86_400_000) * 86_400;
		const sentFor = async (productType: string) => {
			const response = await graph(emulator, 'GET', `/${WABA}/template_analytics?start=${today - 86_400}&end=${today}&granularity=DAILY&metric_types=SENT&template_ids=[${TEMPLATE_IDS.abandonedCart}]&product_type=${productType}`);
			return (response.json.data[0].data_points as Array<{ sent: number }>).reduce((sum, point) => sum + point.sent, 0);
		};
		expect({ mm: await sentFor('MARKETING_MESSAGES_API_FOR_WHATSAPP'), cloud: await sentFor('CLOUD_API') }).toEqual({ mm: 1, cloud: 0 });
	});

	it('template parameters are checked as on /messages (132000)', async () => {
		const broken = { type: 'template', template: { ...abandonedCart.template, components: abandonedCart.template.components.slice(0, 1) } };
		expectMetaError(await marketingSend(emulator, broken), 132000);
	});
});
