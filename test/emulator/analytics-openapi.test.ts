/**
 * Where Meta's vendored OpenAPI (emulator/openapi/) covers the analytics endpoints: only the WhatsApp
 * Business Account object and its `is_enabled_for_insights` field. The analytics fields themselves
 * (analytics, pricing_analytics, template_analytics) are not in it; their shapes follow Meta's
 * Analytics page and are checked in analytics.test.ts.
 */
import { graph, useTestEmulator, WABA } from '../harness/emulatorClient';
import { metaOpenApi } from '../harness/metaOpenApi';

const emulator = useTestEmulator();

test('GET /{waba-id}?fields=id,name,currency,timezone_id,is_enabled_for_insights validates against WhatsAppBusinessAccount, before and after insights are enabled', async () => {
	const validate = metaOpenApi().componentValidator('WhatsAppBusinessAccount');
	const read = async () => (await graph(emulator, 'GET', `/${WABA}?fields=id,name,currency,timezone_id,is_enabled_for_insights`)).json;
	const before = await read();
	expect(validate(before) ? 'valid' : validate.errors).toBe('valid');
	expect(before.is_enabled_for_insights).toBe(false);
	expect((await graph(emulator, 'POST', `/${WABA}?is_enabled_for_insights=true`)).status).toBe(200);
	const after = await read();
	expect(validate(after) ? 'valid' : validate.errors).toBe('valid');
	expect(after.is_enabled_for_insights).toBe(true);
});

test('the schema is not a pass-through: a string where Meta documents a boolean is refused', () => {
	const validate = metaOpenApi().componentValidator('WhatsAppBusinessAccount');
	expect(validate({ id: WABA, is_enabled_for_insights: 'yes' })).toBe(false);
});
