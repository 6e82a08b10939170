import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { sharedStateAt, sharedStateUrl, type SharedState } from '../sharedState/redis';
import { redactorForCredentials, type Redactor } from './redaction';

/**
 * Where requests go for each provider. Meta's Graph API puts the version and the phone-number or
 * WABA id in the path; 360dialog's proxy takes the same bodies without them (Meta: Send messages; docs/360dialog.md).
 */
export type Provider = 'cloudApi' | 'dialog360';

export const CREDENTIAL_TYPE: Record<Provider, string> = {
	cloudApi: 'whatsAppCloudApi',
	dialog360: 'whatsApp360DialogApi',
};

export interface WhatsAppConnection {
	provider: Provider;
	credentialType: string;
	/** Host plus, for Meta, the pinned version: every relative path hangs off it. */
	apiRoot: string;
	/** Host alone, for absolute paths such as 360dialog's /v1/configs/... */
	host: string;
	wabaId?: string;
	phoneNumberId?: string;
	/** Removes this credential's secret values (and token shapes) from outputs and errors. */
	redactor: Redactor;
	/**
	 * The Redis of the credential's "Redis URL for Shared State (Queue Mode)": pacing, duplicate
	 * checks, Already Sent keys and Free Text requests shared by every n8n process. Undefined: each
	 * process keeps its own.
	 */
	sharedState?: SharedState;
}

/** The credential field (both WhatsApp credentials) holding the Redis URL for shared state. */
export const SHARED_STATE_FIELD = 'sharedStateRedisUrl';

/** The shared state a credential names, if any (credentials/*.credentials.ts: Redis URL for Shared State). */
export function sharedStateOf(credentials: ICredentialDataDecryptedObject): SharedState | undefined {
	const url = sharedStateUrl(credentials[SHARED_STATE_FIELD]);
	return url === undefined ? undefined : sharedStateAt(url);
}

function withoutTrailingSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

export function connectionFromCredentials(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
	phoneNumberIdOverride?: string,
): WhatsAppConnection {
	if (provider === 'dialog360') {
		const host = withoutTrailingSlash(String(credentials.baseUrl || 'https://waba-v2.360dialog.io'));
		const redactor = redactorForCredentials(CREDENTIAL_TYPE.dialog360, credentials);
		return { provider, credentialType: CREDENTIAL_TYPE.dialog360, apiRoot: host, host, redactor, sharedState: sharedStateOf(credentials) };
	}
	const host = withoutTrailingSlash(String(credentials.baseUrl || 'https://graph.facebook.com'));
	const version = String(credentials.graphApiVersion || 'v24.0').replace(/^\/+|\/+$/g, '');
	return {
		provider,
		credentialType: CREDENTIAL_TYPE.cloudApi,
		apiRoot: `${host}/${version}`,
		host,
		wabaId: String(credentials.wabaId ?? '').trim() || undefined,
		phoneNumberId: (phoneNumberIdOverride || String(credentials.phoneNumberId ?? '')).trim() || undefined,
		redactor: redactorForCredentials(CREDENTIAL_TYPE.cloudApi, credentials),
		sharedState: sharedStateOf(credentials),
	};
}
