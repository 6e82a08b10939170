/**
 * Programmatic API of the local WhatsApp Cloud API emulator.
 *
 *   const emulator = await startEmulator({ pairRate: { burst: 2 } });
 *   await fetch(`${emulator.url}/v23.0/${SEED.phoneNumberId}/messages`, …);
 *   await emulator.close();
 */
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { buildConfig, type EmulatorConfig, type EmulatorOptions } from './config';
import { tlsMaterial } from './http/tls';
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
	/** With the `tls` option: the HTTPS side (same state) and its certificate (PEM, to trust as a CA). */
	tls?: { url: string; port: number; cert: string };
	close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const started = performance.now();
	const config = buildConfig(options);
	const validator = getRequestValidator();
	const state = new EmulatorState(config);
	const webhooks = new WebhookDispatcher(state);
	let url = '';
	let tlsUrl = '';
	let startupMs = 0;
	const server = createServer(createRequestListener({ state, validator, webhooks, baseUrl: () => url, startupMs: () => startupMs }));
	const port = await listen(server, config.port, config.host);
	url = urlOf('http', config.host, port);
	let tls: RunningEmulator['tls'];
	let tlsServer: Server | undefined;
	if (config.tls) {
		const material = await tlsMaterial(config.tls);
		// Handed-out URLs (media) use the side the request came in on.
		tlsServer = createHttpsServer(material, createRequestListener({ state, validator, webhooks, baseUrl: () => tlsUrl, startupMs: () => startupMs }));
		const tlsPort = await listen(tlsServer, config.tls.port ?? 0, config.host).catch(async (error) => {
			await closeServer(server);
			throw error;
		});
		tlsUrl = urlOf('https', config.host, tlsPort);
		tls = { url: tlsUrl, port: tlsPort, cert: material.cert };
	}
	const detachWebhooks = attachWebhookSender(state, webhooks);
	startupMs = performance.now() - started;
	return {
		url,
		config,
		state,
		webhooks,
		startupMs,
		...(tls ? { tls } : {}),
		close: async () => {
			detachWebhooks();
			webhooks.cancel();
			state.cancelTimers();
			await Promise.all([closeServer(server), tlsServer && closeServer(tlsServer)]);
		},
	};
}

async function listen(server: Server, port: number, host: string): Promise<number> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return (server.address() as AddressInfo).port;
}

function urlOf(scheme: 'http' | 'https', configuredHost: string, port: number): string {
	const host = configuredHost === '0.0.0.0' || configuredHost === '::' ? '127.0.0.1' : configuredHost;
	return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function closeServer(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

export { buildConfig, defaultConfig, mergeConfigPatch, type EmulatorConfig, type EmulatorOptions, type FaultKind, type FaultRule, type TlsOptions } from './config';
export { THROUGHPUT_LEVELS, throughputOf, type PhoneNumberThroughput, type ThroughputReport, type ThroughputSecond } from './state/throughput';
export type { SendCheck } from './handlers/admin-sends';
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
