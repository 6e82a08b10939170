/**
 * What can go wrong when registering this trigger's URL with Meta, said in terms of the fix:
 * a URL Meta can never reach is refused before any call; Meta's own refusals (2200 callback
 * verification failed, 100 invalid parameter) are explained as a problem with the callback URL.
 */
import { NodeApiError, NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { metaErrorOf, WhatsAppConfigurationError, type WhatsAppConnection } from '../../shared/transport';
import { callbackUrlAdvice, callbackUrlProblem, isMetaGraphHost } from '../../shared/whatsapp/webhook';

/**
 * Refuses a URL Meta cannot deliver to (not HTTPS, localhost, a private address, no domain), but only
 * when the credential's Base URL is Meta's own host: with the local emulator or another test server
 * as Base URL, any URL is registered (that is how the tests and the demo run on http://127.0.0.1).
 */
export function refuseUnreachableCallback(connection: WhatsAppConnection, webhookUrl: string): void {
	if (!isMetaGraphHost(connection.host)) return;
	const problem = callbackUrlProblem(webhookUrl);
	if (!problem) return;
	const { message, fix } = callbackUrlAdvice(webhookUrl, problem);
	throw new WhatsAppConfigurationError(message, fix);
}

const REFUSED_CALLBACK: Record<number, string> = {
	2200:
		"Meta called the URL to verify it and did not get the expected answer. Check that the address is reachable from the internet over HTTPS with a valid certificate (n8n's WEBHOOK_URL), that no proxy, firewall or login page blocks GET requests to it, and that the Verify Token Meta was given is the credential's (the trigger answers only that one); then activate the workflow again.",
	100:
		"Meta refused the callback URL: it must be a public https:// address of at most 200 characters that Meta can reach (set n8n's WEBHOOK_URL to it). Meta's message below says which parameter it refused.",
};

/**
 * Runs a registration step that hands Meta the callback URL; Meta's 2200 or 100 answer becomes an
 * error that names the URL and how to fix it. Other errors pass through (as n8n errors).
 */
export async function registeringCallback<T>(context: IHookFunctions, webhookUrl: string, step: () => Promise<T>): Promise<T> {
	try {
		return await step();
	} catch (caught) {
		throw callbackRefusal(context, caught, webhookUrl);
	}
}

function callbackRefusal(context: IHookFunctions, caught: unknown, webhookUrl: string): NodeApiError | NodeOperationError {
	const info = metaErrorOf(caught);
	const advice = info ? REFUSED_CALLBACK[info.code] : undefined;
	if (!info || !advice) {
		return caught instanceof NodeApiError || caught instanceof NodeOperationError ? caught : new NodeOperationError(context.getNode(), caught as Error);
	}
	const metaText = info.message.replace(/^\(#\d+\)\s*/, '');
	const said = info.details && !info.details.startsWith(metaText) ? `${metaText}. ${info.details}` : (info.details ?? metaText);
	return new NodeOperationError(context.getNode(), `Meta refused this trigger's webhook URL ${webhookUrl} (WhatsApp error ${info.code}${said ? `: ${said}` : ''})`, {
		description: advice,
	});
}
