/**
 * Errors read from webhooks get advice that fits where they are read: nothing retries a failed
 * status, a customer's message or an account error (Meta: Messages webhook reference, "Errors").
 */
import { KNOWN_META_ERROR_CODES } from '../../../nodes/shared/whatsapp/errors';
import { adviseWebhookError, type WebhookErrorPlace } from '../../../nodes/shared/whatsapp/webhook/errorAdvice';

const PLACES: WebhookErrorPlace[] = ['status', 'message', 'value'];
/** Phrases of the catalogue that only hold while the node itself is sending. */
const SENDING_ONLY = /the node (waits|tries|slows|retries)|tries again|before sending to them again/i;

describe('advice for errors read from webhooks', () => {
	it.each(PLACES)('never promises an automatic retry in a %s error, for any code the catalogue knows', (place) => {
		for (const code of [...KNOWN_META_ERROR_CODES, 250, 999999]) {
			const { advice } = adviseWebhookError(code, place);
			expect({ code, advice }).toEqual({ code, advice: expect.not.stringMatching(SENDING_ONLY) });
			expect(advice.length).toBeGreaterThan(20);
		}
	});

	it('tells a failed status that the message was not delivered and how to send it again (131000, 130429, 131056)', () => {
		expect(adviseWebhookError(131000, 'status').advice).toMatch(/not delivered and nothing sends it again.*Send the message again in a few minutes/);
		expect(adviseWebhookError(130429, 'status').advice).toMatch(/throughput limit\)\. Send it again later/);
		expect(adviseWebhookError(131056, 'status')).toMatchObject({ retryable: true, advice: expect.stringMatching(/same customer.*Send it again after a short wait/) });
	});

	it('explains an unsupported message from the customer\'s side, not as a sending mistake (131051)', () => {
		expect(adviseWebhookError(131051, 'message').advice).toMatch(/The customer sent a message type.*Nothing is wrong with your set-up/);
		expect(adviseWebhookError(131051, 'status').advice).toMatch(/not supported/);
	});

	it('keeps the catalogue\'s advice where it already fits, e.g. 131047 says to send a template', () => {
		expect(adviseWebhookError(131047, 'status')).toMatchObject({ retryable: false, category: 'window', advice: expect.stringMatching(/template/) });
	});

	it('says so when an error came without a code', () => {
		expect(adviseWebhookError(undefined, 'value').advice).toMatch(/without a code/);
	});
});
