import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { CHALLENGE_FAILURE_ADVICE, verifyChallenge } from '../../shared/whatsapp/webhook';
import { credentialsFor, type TriggerSettings } from '../settings';
import { logPrefix, replyText } from './http';

const NO_HANDSHAKE_ON_360DIALOG =
	'360dialog does not verify webhooks with a GET request: the URL is registered by API or in the 360dialog Hub.';

/**
 * Meta's Create a webhook endpoint GET handshake page: 200 with hub.challenge as plain text when hub.verify_token equals the
 * credential's Verify Token, else 403 with the reason. Never starts an execution.
 */
export async function answerChallenge(this: IWebhookFunctions, settings: TriggerSettings): Promise<IWebhookResponseData> {
	if (settings.provider !== 'cloudApi') {
		replyText(this, 403, NO_HANDSHAKE_ON_360DIALOG);
		return { noWebhookResponse: true };
	}
	const credentials = await credentialsFor.call(this, settings.provider);
	const check = verifyChallenge(this.getQueryData() as Record<string, unknown>, String(credentials.verifyToken ?? ''));
	if (check.ok) {
		replyText(this, 200, check.challenge);
		return { noWebhookResponse: true };
	}
	const advice = CHALLENGE_FAILURE_ADVICE[check.reason];
	this.logger.warn(`${logPrefix(this)} refused a webhook verification (GET): ${advice}`);
	replyText(this, 403, advice);
	return { noWebhookResponse: true };
}
