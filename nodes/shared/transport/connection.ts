import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { sharedStateAt, sharedStateUrl, type SharedState } from '../sharedState/redis';
import { WhatsAppConfigurationError } from './errors';
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
	return url.trim().replace(/\/+$/, '');
}

/**
 * A Graph API version at the end of a URL path (/v24.0, /v24), with what follows it when the whole
 * messages URL from the App Dashboard (WhatsApp › API Setup) is pasted (/v24.0/<phone number ID>/messages).
 */
const TRAILING_VERSION = /\/v\d+(?:\.\d+)?(?:\/\d+(?:\/[^?#]*)?)?(?:[?#].*)?$/i;
/** A scheme (https://) at the start of a URL. */
const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
/** This machine: the local emulator answers plain http. */
const LOCAL_HOST = /^(?:localhost|127\.|\[::1\])/i;

/**
 * The Graph API version as Meta writes it in paths (Meta: Graph API changelog, "v24.0"), from what
 * a user types: "v24.0", "24.0", "24", "/v24.0/". Throws WhatsAppConfigurationError for anything else.
 */
export function graphApiVersion(value: unknown): string {
	const typed = String(value ?? '').trim();
	const match = /^\/*v?(\d+)(?:\.(\d+))?\/*$/i.exec(typed || 'v24.0');
	if (!match) {
		throw new WhatsAppConfigurationError(
			`The Graph API Version "${typed}" in the credential is not a version.`,
			'Write it as Meta does, e.g. v24.0 (the versions are listed in Meta\'s Graph API changelog).',
		);
	}
	return `v${match[1]}.${match[2] ?? '0'}`;
}

/**
 * Meta's host from the credential's Base URL, read as the user meant it: trailing slashes and a
 * version typed at its end ("https://graph.facebook.com/v24.0/") removed, since the Graph API
 * Version field decides the version (otherwise every path would carry it twice, /v24.0/v24.0/…);
 * Meta's whole messages URL pasted from API Setup ("…/v24.0/1065…/messages") cut back to the host;
 * a host typed without its scheme given https:// (Meta serves only https), or http:// for this
 * machine (localhost, 127.x, [::1]: the local emulator). The credential's test expression
 * (WhatsAppCloudApi.credentials.ts) does the same, so its Test asks what the nodes send.
 */
export function graphHost(baseUrl: unknown): string {
	const typed = withoutTrailingSlash(String(baseUrl || 'https://graph.facebook.com'));
	const withScheme = SCHEME.test(typed) ? typed : `${LOCAL_HOST.test(typed) ? 'http' : 'https'}://${typed}`;
	return withoutTrailingSlash(withScheme.replace(TRAILING_VERSION, ''));
}

/**
 * The connection a node uses, from the saved credential: Base URL and Graph API Version normalised
 * (graphHost, graphApiVersion) so `apiRoot` is e.g. "https://graph.facebook.com/v24.0"; for 360dialog
 * the host alone (docs/360dialog.md). `phoneNumberIdOverride` replaces the credential's default sender.
 * Throws WhatsAppConfigurationError when the Graph API Version is not a version.
 */
export function connectionFromCredentials(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
	phoneNumberIdOverride?: string,
): WhatsAppConnection {
	if (provider === 'dialog360') {
		// 360dialog's paths start at the host (/messages, /v1/configs/…): a /v1 typed at the end is dropped.
		const host = withoutTrailingSlash(withoutTrailingSlash(String(credentials.baseUrl || 'https://waba-v2.360dialog.io')).replace(/\/v1$/i, ''));
		const redactor = redactorForCredentials(CREDENTIAL_TYPE.dialog360, credentials);
		return { provider, credentialType: CREDENTIAL_TYPE.dialog360, apiRoot: host, host, redactor, sharedState: sharedStateOf(credentials) };
	}
	const host = graphHost(credentials.baseUrl);
	const version = graphApiVersion(credentials.graphApiVersion);
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
