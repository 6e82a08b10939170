/**
 * Programmatic API of the local WhatsApp Cloud API emulator.
 *
 *   const emulator = await startEmulator({ pairRate: { burst: 2 } });
 *   await fetch(`${emulator.url}/v23.0/${SEED.phoneNumberId}/messages`, …);
 *   await emulator.close();
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildConfig, type EmulatorConfig, type EmulatorOptions } from './config';
import { getRequestValidator } from './openapi/validator';
import { createRequestListener } from './server';
import { EmulatorState } from './state/store';
import { attachWebhookSender } from './webhook-sender';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface RunningEmulator {
	/** http://127.0.0.1:PORT (no trailing slash); Graph paths go below it, e.g. `${url}/v23.0/...`. */
	url: string;
	config: EmulatorConfig;
	state: EmulatorState;
	/** Posts webhooks (signed, retried, recorded in state.webhookDeliveries); also used by the admin API. */
	webhooks: WebhookDispatcher;
	/** Milliseconds from startEmulator() to listening (schema loading and compiling included). */
	startupMs: number;
	close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const started = performance.now();
	const config = buildConfig(options);
	const validator = getRequestValidator();
	const state = new EmulatorState(config);
	const webhooks = new WebhookDispatcher(state);
	let url = '';
	let startupMs = 0;
	const server = createServer(createRequestListener({ state, validator, webhooks, baseUrl: () => url, startupMs: () => startupMs }));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
	url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const detachWebhooks = attachWebhookSender(state, webhooks);
	startupMs = performance.now() - started;
	return {
		url,
		config,
		state,
		webhooks,
		startupMs,
		close: async () => {
			detachWebhooks();
			webhooks.cancel();
			state.cancelTimers();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export { buildConfig, defaultConfig, mergeConfigPatch, type EmulatorConfig, type EmulatorOptions, type FaultRule } from './config';
export type { RecipientFailure, StatusOrder, WebhookConfig } from './config-webhook';
export { SEED } from './seed';
export { FIRST_TEMPLATE_ID } from './seed-templates';
export { SEED_CATALOG_ID, SEED_FLOWS, SEED_PRODUCTS } from './state/seed-features';
export { RATE_CARD } from './state/rate-card';
export { EmulatorState } from './state/store';
export { signatureHeader, statusWebhookPayload } from './webhook-sender';
export { WebhookDispatcher } from './webhooks/dispatcher';
export type { WebhookPayload } from './webhooks/payloads';
export type * from './state/types';
