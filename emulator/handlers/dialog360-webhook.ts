/**
 * 360dialog webhook configuration (docs/360dialog.md): POST /v1/configs/webhook {url, headers?} and GET on the same
 * path, with the D360-API-KEY of the number. No hub.challenge handshake; webhooks for that number's
 * messages go to the URL with the configured headers and WITHOUT X-Hub-Signature-256.
 * An empty url removes the configuration. 360dialog's rules against "_" and explicit ports in the
 * host are not enforced, so local receivers (http://127.0.0.1:5678/…) work.
 */
import { jsonBody, phoneNumberOf, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';

export const setDialog360Webhook: Handler = (context) => {
	const phone = phoneNumberOf(context);
	const { url, headers = {} } = jsonBody(context) as { url?: unknown; headers?: unknown };
	if (url === '') {
		context.state.dialog360Webhooks.delete(phone.id);
		return { json: { url: null } };
	}
	if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) throw new MetaApiError(100, 'Send {"url": "https://…", "headers": {"X-Custom": "…"}}; url must be an http(s) URL ("" removes it).');
	const valid = typeof headers === 'object' && headers !== null && !Array.isArray(headers) && Object.values(headers).every((value) => typeof value === 'string');
	if (!valid) throw new MetaApiError(100, '"headers" must be an object of header names to string values, e.g. {"X-Webhook-Secret": "…"}.');
	context.state.dialog360Webhooks.set(phone.id, { url, headers: { ...(headers as Record<string, string>) } });
	return { json: { url } };
};

export const getDialog360Webhook: Handler = (context) => {
	const configured = context.state.dialog360Webhooks.get(phoneNumberOf(context).id);
	return { json: { url: configured?.url ?? null } };
};
