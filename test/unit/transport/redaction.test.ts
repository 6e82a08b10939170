/**
 * Minor 1: the credential's secrets are removed from what a node shows, without mangling ordinary
 * text when a secret (typically a Verify Token) is an ordinary word.
 */
import { redactorForCredentials } from '../../../nodes/shared/transport/redaction';
import { REDACTED } from '../../../nodes/shared/whatsapp/secrets';

const credential = (verifyToken: string) => ({ accessToken: 'EMULATOR_ACCESS_TOKEN', appSecret: 'emulator-app-secret', verifyToken, phoneNumberId: '106540352242922' });

describe('redacting a credential\'s secrets from items', () => {
	test('a Verify Token that is an ordinary word does not mangle values or text; keys are never touched', () => {
		const redactor = redactorForCredentials('whatsAppCloudApi', credential('whatsapp'));
		const item = { messaging_product: 'whatsapp', whatsapp: true, text: { body: 'Welcome to our whatsapp support line!' } };
		expect(redactor.json(item)).toEqual(item);
	});

	test('the same word is still removed where it is a verify token: a verify_token field or parameter', () => {
		const redactor = redactorForCredentials('whatsAppCloudApi', credential('whatsapp'));
		expect(redactor.json({ subscription: { verify_token: 'whatsapp' }, url: 'https://x.example/w?hub.verify_token=whatsapp' })).toEqual({
			subscription: { verify_token: REDACTED },
			url: `https://x.example/w?hub.verify_token=${REDACTED}`,
		});
	});

	test('a real secret echoed anywhere is still redacted: a random Verify Token, the access token, the app secret', () => {
		const redactor = redactorForCredentials('whatsAppCloudApi', credential('x7-Hq2!vT9'));
		const echoed = redactor.json({ echo: 'verify x7-Hq2!vT9, token EMULATOR_ACCESS_TOKEN, secret emulator-app-secret', phoneNumberId: '106540352242922' });
		expect(echoed).toEqual({ echo: `verify ${REDACTED}, token ${REDACTED}, secret ${REDACTED}`, phoneNumberId: '106540352242922' });
	});
});
