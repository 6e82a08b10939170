/** Shared helpers for the emulator tests: real HTTP against an emulator on an ephemeral port. */
import { SEED, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { suiteScoped } from './suiteScoped';

export { SEED };
export const VERSION = 'v23.0';
export const PHONE: string = SEED.phoneNumberId;
export const WABA = SEED.wabaId;
export const USER = '16505551234';

export interface ApiResponse<T = any> {
	status: number;
	json: T;
	headers: Headers;
}

export interface CallOptions {
	token?: string | null;
	apiKey?: string;
	headers?: Record<string, string>;
	rawBody?: RequestInit['body'];
}

/** A JSON (or raw) request with the seeded Bearer token unless told otherwise. */
export async function call<T = any>(emulator: RunningEmulator, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.apiKey !== undefined) headers['D360-API-KEY'] = options.apiKey;
	else if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? SEED.accessToken}`;
	let requestBody = options.rawBody;
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
		requestBody = JSON.stringify(body);
	}
	const response = await fetch(`${emulator.url}${path}`, { method, headers, body: requestBody });
	const text = await response.text();
	return { status: response.status, json: (text ? safeJson(text) : undefined) as T, headers: response.headers };
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export const graph = (emulator: RunningEmulator, method: string, path: string, body?: unknown, options?: CallOptions) =>
	call(emulator, method, `/${VERSION}${path}`, body, options);

export const send = (emulator: RunningEmulator, message: Record<string, unknown>, phoneNumberId = PHONE) =>
	graph(emulator, 'POST', `/${phoneNumberId}/messages`, { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${USER}`, ...message });

/** Records a message from the user, which opens the 24-hour window (Meta: Customer service windows). */
export async function openWindow(emulator: RunningEmulator, from = USER, phoneNumberId = PHONE): Promise<any> {
	const response = await call(emulator, 'POST', '/__emulator/inbound', { from, phoneNumberId, text: 'Hi there' });
	expect(response.status).toBe(200);
	return response.json;
}

/** Asserts Meta's error envelope (Meta: Error codes) with the given code and HTTP status. */
export function expectMetaError(response: ApiResponse, code: number, httpStatus = 400): void {
	expect({ status: response.status, code: response.json?.error?.code }).toEqual({ status: httpStatus, code });
	expect(response.json.error).toMatchObject({
		message: expect.stringMatching(new RegExp(`^\\(#${code}\\) `)),
		type: 'OAuthException',
		error_data: { messaging_product: 'whatsapp', details: expect.any(String) },
		fbtrace_id: expect.any(String),
	});
}

/** multipart/form-data body for POST /media (Meta: Media). */
export function mediaForm(bytes: Buffer, mimeType: string, filename = 'file.bin', extra: Record<string, string> = { messaging_product: 'whatsapp' }): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(extra)) form.append(name, value);
	form.append('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
	return form;
}

export async function upload(emulator: RunningEmulator, bytes: Buffer, mimeType: string, filename?: string): Promise<string> {
	const response = await graph(emulator, 'POST', `/${PHONE}/media`, undefined, { rawBody: mediaForm(bytes, mimeType, filename) });
	expect(response.status).toBe(200);
	return response.json.id;
}

/** Templates are decided at once and messages stop at `sent` unless a test asks for more. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	return startEmulator({ templateReview: { delayMs: 0 }, ...options, webhook: { finalStatus: 'sent', ...options.webhook } });
}

/**
 * One test emulator for the whole suite (started in beforeAll, closed in afterAll), reset to its
 * seed before each test unless `reset` is false. `options` may be a function, read when the
 * emulator starts (e.g. a webhook URL of a receiver started by an earlier hook).
 */
export function useTestEmulator(options: EmulatorOptions | (() => EmulatorOptions) = {}, { reset = true }: { reset?: boolean } = {}): RunningEmulator {
	const emulator = suiteScoped(
		async () => await startTestEmulator(typeof options === 'function' ? options() : options),
		async (started) => await started.close(),
	);
	if (reset) beforeEach(async () => await call(emulator, 'POST', '/__emulator/reset'));
	return emulator;
}
