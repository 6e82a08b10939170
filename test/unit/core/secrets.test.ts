/** D: secrets are removed by their values (every form an API may echo them in) and by token shapes. */
import { readsAsOrdinaryText, REDACTED, redactSecrets, secretForms } from '../../../nodes/shared/whatsapp/secrets';

describe('redactSecrets', () => {
	const apiKey = 'dlg_8f3k+Q/zz==';
	const forms = secretForms([apiKey, 'emulator-app-secret', 'abc', '', undefined]);

	it('removes a secret as is, URL-encoded and JSON-escaped', () => {
		expect(redactSecrets(`key ${apiKey}`, forms)).toBe(`key ${REDACTED}`);
		expect(redactSecrets(`?key=${encodeURIComponent(apiKey)}&x=1`, forms)).toBe(`?key=${REDACTED}&x=1`);
		expect(redactSecrets(JSON.stringify({ secret: 'a"b\\c-secret-value' }), secretForms(['a"b\\c-secret-value']))).toBe(`{"secret":"${REDACTED}"}`);
	});

	it('removes token shapes without knowing their value (Meta tokens, access_token and client_secret parameters, Bearer headers)', () => {
		const text = 'token EAAGm0PX4ZCpsBAKZBZAXYZabcdefghij12345 ?access_token=xyz123&client_secret=shh Authorization: Bearer 1234567890|abcdefXYZ';
		expect(redactSecrets(text)).toBe(`token ${REDACTED} ?access_token=${REDACTED}&client_secret=${REDACTED} Authorization: Bearer ${REDACTED}`);
	});

	it("removes the CRMs' Authorization headers without knowing their value (Basic, Zoho-oauthtoken), and leaves prose about them alone", () => {
		const basic = Buffer.from('admin@example.com/token:fake-zendesk-api-token-0001').toString('base64');
		const text = `Authorization: Basic ${basic}; Authorization: Zoho-oauthtoken 1000.8a1f3e.77b2c4d9`;
		expect(redactSecrets(text)).toBe(`Authorization: Basic ${REDACTED}; Authorization: Zoho-oauthtoken ${REDACTED}`);
		expect(redactSecrets('Basic authentication with an API token')).toBe('Basic authentication with an API token');
	});

	it('ignores values too short to be secrets, so ordinary words survive', () => {
		expect(forms).not.toContain('abc');
		expect(redactSecrets('abc emulator-app-secret', forms)).toBe(`abc ${REDACTED}`);
	});

	it('leaves values that read as ordinary text (a word, a short number) out, so messages are not mangled; issued secrets stay in', () => {
		expect(['whatsapp', 'Welcome', 'Bienvenue', '16505551234'].filter(readsAsOrdinaryText)).toHaveLength(4);
		expect(['emulator-verify-token', 'EMULATOR_ACCESS_TOKEN', 'a1b2c3d4e5f6', 'x7-Hq2!vT', '123456789012345678901'].filter(readsAsOrdinaryText)).toEqual([]);
		const weak = secretForms(['whatsapp', '123456']);
		expect(weak).toEqual([]);
		const text = '{"messaging_product":"whatsapp","text":{"body":"Welcome to our whatsapp support line! Code 123456."}}';
		expect(redactSecrets(text, weak)).toBe(text);
	});

	it('removes a verify token from a verification URL or an echoed body by its shape, whatever its value', () => {
		expect(redactSecrets('GET /webhook?hub.mode=subscribe&hub.verify_token=whatsapp&hub.challenge=1158201444')).toBe(
			`GET /webhook?hub.mode=subscribe&hub.verify_token=${REDACTED}&hub.challenge=1158201444`,
		);
		expect(redactSecrets('{"override_callback_uri":"https://n8n.example.com/webhook","verify_token":"whatsapp"}')).toBe(
			`{"override_callback_uri":"https://n8n.example.com/webhook","verify_token":"${REDACTED}"}`,
		);
	});
});
