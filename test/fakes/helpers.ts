/** Shared helpers for the fake tests: real HTTP requests against a fake on an ephemeral port. */
import { HUBSPOT_SEED, ZENDESK_SEED, ZOHO_SEED, type RunningCrmFake } from '../../fakes';

export interface Reply<T = any> {
	status: number;
	headers: Headers;
	text: string;
	json: T;
}

export interface CallOptions {
	headers?: Record<string, string>;
	/** JSON body (sets Content-Type) … */
	json?: unknown;
	/** … or a raw body with its own Content-Type header. */
	body?: Buffer | string;
}

export async function call<T = any>(fake: RunningCrmFake | string, method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
	const base = typeof fake === 'string' ? fake : fake.url;
	const headers: Record<string, string> = { ...options.headers };
	let body: RequestInit['body'] = options.body;
	if (options.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	const response = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual' });
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, text, json: parsed as T };
}

export const zohoAuth = (token: string = ZOHO_SEED.accessTokens.all): Record<string, string> => ({ Authorization: `Zoho-oauthtoken ${token}` });
export const zendeskAuth = (email: string = ZENDESK_SEED.email, token: string = ZENDESK_SEED.apiToken): Record<string, string> => ({ Authorization: `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}` });
export const hubspotAuth = (token: string = HUBSPOT_SEED.token): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Form-encoded POST to the Zoho token endpoint. */
export function zohoToken(fake: RunningCrmFake, fields: Record<string, string>): Promise<Reply> {
	return call(fake, 'POST', '/oauth/v2/token', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

export const query = (params: Record<string, string>): string => new URLSearchParams(params).toString();
