import type { CredentialsByType } from './n8nContext';
import { SEED, type RunningEmulator } from '../../emulator';

/** Both credentials as a user would fill them in for the emulator's seeded account, with optional overrides. */
export function emulatorCredentials(
	emulator: RunningEmulator,
	overrides: { cloudApi?: Record<string, string>; dialog360?: Record<string, string> } = {},
): CredentialsByType {
	return {
		whatsAppCloudApi: {
			accessToken: SEED.accessToken,
			wabaId: SEED.wabaId,
			phoneNumberId: SEED.phoneNumberId,
			graphApiVersion: 'v24.0',
			baseUrl: emulator.url,
			appId: SEED.appId,
			appSecret: SEED.appSecret,
			verifyToken: SEED.verifyToken,
			...overrides.cloudApi,
		},
		whatsApp360DialogApi: { apiKey: SEED.dialog360ApiKey, baseUrl: emulator.url, ...overrides.dialog360 },
	};
}

export interface AcceptedRequest {
	method: string;
	path: string;
	body?: unknown;
	query?: Record<string, unknown>;
}

/** Requests the emulator accepted, optionally only those whose path contains `path`. */
export async function acceptedRequests(emulator: RunningEmulator, path?: string): Promise<AcceptedRequest[]> {
	const response = await fetch(`${emulator.url}/__emulator/requests${path ? `?path=${encodeURIComponent(path)}` : ''}`);
	return ((await response.json()) as { data: AcceptedRequest[] }).data;
}
