/**
 * Send Template's newer options against the emulator: the Marketing Messages API route with its
 * fallback to Cloud API (Meta: Send marketing messages, Marketing Messages onboarding), variables
 * mapped automatically from input fields, and recipients named by business-scoped user ID
 * (Meta: Business-scoped user IDs).
 */
import type { INodeParameters } from 'n8n-workflow';
import { SEED } from '../../emulator';
import { locator, mapperValue, sendTemplateParameters, templateFields } from '../harness/templateTestKit';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';
import { orderConfirmationComponents } from '../emulator/template-fixtures';

const bed = useNodeTestBed();

const COUPON = { body_1: 'Ann', button_0_coupon_code: 'SPRING25' };
const marketing = (extra: INodeParameters = {}) => ({ templateOptions: { sendRoute: 'marketingMessages', ...extra } });

interface EmulatorMessage {
	id: string;
	route?: string;
	messageActivitySharing?: boolean;
	ttlSeconds?: number;
}
const emulatorMessages = async () => (await bed.admin<{ data: EmulatorMessage[] }>('GET', 'messages')).data;
const onboardingReads = async () => (await bed.accepted(`/${SEED.wabaId}`)).filter((request) => String(request.query?.fields ?? '').includes('marketing_messages_onboarding_status'));

describe('Message › Send Template › Send Through the Marketing Messages API', () => {
	test('a MARKETING template on an onboarded account goes to /marketing_messages, read once for all items; the output names the route', async () => {
		const parameters = await sendTemplateParameters(bed, 'spring_coupon|en_US', COUPON, marketing());
		const result = await bed.run({ ...parameters, to: '={{ $json.phone }}' }, [{ json: { phone: '+16505551234' } }, { json: { phone: '+16505551235' } }, { json: { phone: '+16505551236' } }]);
		const sent = await bed.accepted('/marketing_messages');
		expect(sent).toHaveLength(3);
		expect(sent[0].body).toMatchObject({ messaging_product: 'whatsapp', to: '+16505551234', type: 'template', template: { name: 'spring_coupon' }, product_policy: 'CLOUD_API_FALLBACK' });
		expect(sent[0].body).not.toHaveProperty('message_activity_sharing');
		expect(await bed.accepted('/messages')).toHaveLength(0);
		expect(await onboardingReads()).toHaveLength(1);
		expect(result.items.map((item) => item.json.route)).toEqual(['marketingMessages', 'marketingMessages', 'marketingMessages']);
		expect(result.items[0].json).toMatchObject({ routeReason: 'MARKETING template, account onboarded', timeToLiveSeconds: null, category: 'MARKETING', renderedText: expect.stringContaining('Spring is here, Ann!') });
		expect((await emulatorMessages()).map((message) => message.route)).toEqual(['marketing_messages', 'marketing_messages', 'marketing_messages']);
	});

	test('an account not onboarded falls back to the regular messages endpoint, and the output says why', async () => {
		await bed.admin('PATCH', 'waba', { marketingMessagesOnboardingStatus: 'ELIGIBLE' });
		const result = await bed.run(await sendTemplateParameters(bed, 'spring_coupon|en_US', COUPON, marketing()));
		expect(await bed.accepted('/marketing_messages')).toHaveLength(0);
		expect(await bed.accepted('/messages')).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ route: 'cloudApi', routeReason: expect.stringMatching(/not onboarded.*ELIGIBLE/) });
		expect(result.items[0].json).not.toHaveProperty('timeToLiveSeconds');
		expect((await emulatorMessages())[0].route).toBe('cloud_api');
	});

	test('a UTILITY template goes through Cloud API without reading the onboarding status', async () => {
		const values = { header: '1', body_first_name: 'Ann', body_order_number: '1', body_order_total: '$1', button_1_url: '1' };
		const result = await bed.run(await sendTemplateParameters(bed, 'order_confirmation|en_US', values, marketing()));
		expect(result.items[0].json).toMatchObject({ route: 'cloudApi', routeReason: expect.stringMatching(/UTILITY template/) });
		expect(await bed.accepted('/marketing_messages')).toHaveLength(0);
		expect(await onboardingReads()).toHaveLength(0);
	});

	test("activity sharing is sent when chosen, and the template's time-to-live is output", async () => {
		const created = await fetch(`${bed.emulator.url}/v24.0/${SEED.wabaId}/message_templates`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${SEED.accessToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'weekend_sale', language: 'en_US', category: 'MARKETING', message_send_ttl_seconds: 86400, components: [{ type: 'BODY', text: 'Our weekend sale starts now.' }] }),
		});
		expect(created.status).toBe(200);
		// The emulator approves a new template after its review delay (200 ms by default).
		await new Promise((resolve) => setTimeout(resolve, 400));
		const result = await bed.run({ resource: 'message', operation: 'sendTemplate', to: '+16505551234', template: locator('weekend_sale|en_US'), ...marketing({ messageActivitySharing: 'doNotShare' }) });
		expect((await bed.accepted('/marketing_messages'))[0].body).toMatchObject({ message_activity_sharing: false });
		expect(result.items[0].json).toMatchObject({ route: 'marketingMessages', timeToLiveSeconds: 86400 });
		expect((await emulatorMessages())[0]).toMatchObject({ messageActivitySharing: false, ttlSeconds: 86400 });
	});

	test('without the option the route is Cloud API and nothing else is read', async () => {
		const result = await bed.run(await sendTemplateParameters(bed, 'spring_coupon|en_US', COUPON));
		expect(result.items[0].json.route).toBe('cloudApi');
		expect(result.items[0].json).not.toHaveProperty('routeReason');
		expect(await onboardingReads()).toHaveLength(0);
	});
});

describe('Message › Send Template › variables mapped automatically from input fields', () => {
	async function autoMapped(template: string): Promise<INodeParameters> {
		const schema = await templateFields(bed, template);
		return { resource: 'message', operation: 'sendTemplate', to: '={{ $json.phone }}', template: locator(template), templateParameters: { ...mapperValue(schema, {}), mappingMode: 'autoMapInputData', value: null } };
	}

	test('named variables take the input fields of the same name, per item, as manual mapping would send them', async () => {
		const items = [
			{ json: { phone: '+16505551234', first_name: 'Ann', order_number: '860198', order_total: '$42.00', button_1_url: '860198', crm_id: 'c-1' } },
			{ json: { phone: '+16505551235', first_name: 'Bo', order_number: '860199', order_total: '$7.50', button_1_url: '860199' } },
		];
		const result = await bed.run(await autoMapped('order_confirmation|en_US'), items);
		const [first, second] = (await bed.accepted('/messages')).map((request) => request.body as { template: { components: unknown[] } });
		expect(first.template.components).toEqual(orderConfirmationComponents({ firstName: 'Ann', orderNumber: '860198', total: '$42.00' }));
		expect(JSON.stringify(second)).toContain('"text":"Bo"');
		expect(result.items.map((item) => item.json.renderedText)).toEqual([expect.stringContaining('Hi Ann'), expect.stringContaining('Hi Bo')]);
	});

	test('numbered variables take their field IDs (body_1, body_2, header, button_0_url)', async () => {
		await bed.run(await autoMapped('abandoned_cart|en_US'), [{ json: { phone: '+16505551234', header: 'https://cdn.example.com/cactus.jpg', body_1: 'Ann', body_2: 'a cactus', button_0_url: 'c1' } }]);
		const [sent] = await bed.accepted('/messages');
		expect((sent.body as { template: { components: unknown[] } }).template.components.slice(0, 2)).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/cactus.jpg' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }, { type: 'text', text: 'a cactus' }] },
		]);
	});

	test('an item missing a variable fails alone, naming the variable; the others are sent', async () => {
		const result = await bed.run(
			await autoMapped('abandoned_cart|en_US'),
			[
				{ json: { phone: '+16505551234', header: 'https://cdn.example.com/a.jpg', body_1: 'Ann', body_2: 'x', button_0_url: 'c1' } },
				{ json: { phone: '+16505551235', header: 'https://cdn.example.com/a.jpg', body_1: 'Bo', button_0_url: 'c2' } },
			],
			{ continueOnFail: true },
		);
		expect(result.items[0].json.messageId).toBeDefined();
		expect(JSON.stringify(result.items[1].json.error)).toMatch(/body_2|\{\{2\}\}/);
		expect(await bed.accepted('/messages')).toHaveLength(1);
	});
});

describe('recipients named by business-scoped user ID', () => {
	const userIdOf = async (waId: string) => (await bed.admin<{ user_id: string }>('GET', `users/${waId}`)).user_id;

	test('a text goes out with `recipient` and the output carries the userId WhatsApp answers', async () => {
		await bed.customerWrites();
		const userId = await userIdOf(CUSTOMER_WA_ID);
		const result = await bed.run({ resource: 'message', operation: 'sendText', to: userId, text: 'Hello again', messageOptions: { recipientIdentifier: 'userId' } });
		const [sent] = await bed.accepted('/messages');
		expect(sent.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', recipient: userId, type: 'text', text: { body: 'Hello again', preview_url: false } });
		expect(result.items[0].json).toMatchObject({ userId, recipient: userId, type: 'text' });
		expect(result.items[0].json).not.toHaveProperty('to');
	});

	test('an authentication template is refused for a business-scoped user ID before sending; a BSUID typed as a phone number gets advice', async () => {
		const userId = await userIdOf(CUSTOMER_WA_ID);
		const parameters = await sendTemplateParameters(bed, 'login_code|en_US', { otp_code: '123456' }, { to: userId, messageOptions: { recipientIdentifier: 'userId' } });
		await expect(bed.run(parameters)).rejects.toThrow(/authentication template.*phone numbers only/);
		await expect(bed.run({ resource: 'message', operation: 'sendText', to: userId, text: 'x' })).rejects.toThrow(/business-scoped user ID, not a phone number/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});
});
