/**
 * A tiny webhook endpoint like the n8n trigger's, for the emulator tests: answers the GET handshake
 * (Meta: Create a webhook endpoint) when the verify token matches, records every POST with its exact bytes and headers, and
 * answers with the queued status codes (200 once the queue is empty).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorOptions, RunningEmulator } from '../../emulator';
import { useTestEmulator } from './emulatorClient';
import { suiteScoped } from './suiteScoped';

export interface ReceivedPost {
	path: string;
	raw: Buffer;
	json: any;
	headers: IncomingHttpHeaders;
}

export interface Receiver {
	/** http://127.0.0.1:PORT */
	base: string;
	posts: ReceivedPost[];
	handshakes: URLSearchParams[];
	/** Status codes for the next POSTs, in order. */
	answers: number[];
	/** Resolves once at least `count` POSTs arrived (optionally only those to `path` and passing `filter`). */
	waitForPosts(count: number, path?: string, timeoutMs?: number, filter?: (post: ReceivedPost) => boolean): Promise<ReceivedPost[]>;
	clear(): void;
	close(): Promise<void>;
}

export const VERIFY_TOKEN = 'emulator-verify-token';

export async function startReceiver(verifyToken = VERIFY_TOKEN): Promise<Receiver> {
	const posts: ReceivedPost[] = [];
	const handshakes: URLSearchParams[] = [];
	const answers: number[] = [];
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://receiver');
		if (req.method === 'GET') {
			handshakes.push(url.searchParams);
			const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === verifyToken;
			res.writeHead(ok ? 200 : 403, { 'Content-Type': 'text/plain' }).end(ok ? url.searchParams.get('hub.challenge') : 'forbidden');
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			posts.push({ path: url.pathname, raw, json: JSON.parse(raw.toString('utf8')), headers: req.headers });
			res.writeHead(answers.shift() ?? 200).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const matching = (path?: string, filter?: (post: ReceivedPost) => boolean) => posts.filter((post) => (!path || post.path === path) && (!filter || filter(post)));
	return {
		base,
		posts,
		handshakes,
		answers,
		async waitForPosts(count, path, timeoutMs = 3000, filter) {
			const started = Date.now();
			while (matching(path, filter).length < count) {
				if (Date.now() - started > timeoutMs) throw new Error(`Expected ${count} webhook POST(s)${path ? ` to ${path}` : ''}, got ${matching(path, filter).length}`);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			return matching(path, filter);
		},
		clear() {
			posts.length = 0;
			handshakes.length = 0;
			answers.length = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** The one status object of a status webhook body. */
export const statusOf = (post: ReceivedPost) => post.json.entry[0].changes[0].value.statuses[0];
/** The messages change value of an inbound webhook body. */
export const valueOf = (post: ReceivedPost) => post.json.entry[0].changes[0].value;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One receiver for the whole suite (started in beforeAll, closed in afterAll), cleared before each test. */
export function useReceiver(verifyToken = VERIFY_TOKEN): Receiver {
	const receiver = suiteScoped(async () => await startReceiver(verifyToken), async (started) => await started.close());
	beforeEach(() => receiver.clear());
	return receiver;
}

/**
 * One emulator whose app callback is a fresh receiver, both reset before each test: the set-up
 * the webhook suites share. `webhook` adds to the emulator's webhook settings.
 */
export function emulatorWithAppReceiver(webhook: NonNullable<EmulatorOptions['webhook']> = {}): { emulator: RunningEmulator; receiver: Receiver } {
	const receiver = useReceiver();
	const emulator = useTestEmulator(() => ({ webhook: { url: `${receiver.base}/app`, finalStatus: 'sent', ...webhook } }));
	return { emulator, receiver };
}
