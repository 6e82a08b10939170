/**
 * Meta's callback verification (Meta: Create a webhook endpoint), run before a callback URL is accepted by
 * POST /{app-id}/subscriptions, /{waba-id}/subscribed_apps or a phone number's webhook_configuration.
 */
import { randomInt } from 'node:crypto';
import { MetaApiError } from '../http/errors';

/** Meta's Create a webhook endpoint page: GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…; the endpoint must echo the challenge with 200. */
export async function verifyCallback(uri: string, verifyToken: string): Promise<void> {
	const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
	const url = new URL(uri);
	url.searchParams.set('hub.mode', 'subscribe');
	url.searchParams.set('hub.challenge', challenge);
	url.searchParams.set('hub.verify_token', verifyToken);
	let problem: string;
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
		const text = (await response.text()).trim();
		if (response.status === 200 && text === challenge) return;
		problem = `the endpoint answered HTTP ${response.status} ${text === challenge ? '' : 'without echoing hub.challenge'}`.trim();
	} catch (error) {
		problem = `the endpoint could not be reached (${(error as Error).message})`;
	}
	throw new MetaApiError(2200, `Callback verification failed: ${problem}. Answer GET requests with hub.mode=subscribe and the right hub.verify_token by returning hub.challenge as plain text.`);
}
