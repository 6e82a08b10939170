/**
 * Client commands that talk to a RUNNING emulator's admin API:
 *   simulate  --from 16505551234 --text "Hi" [--type image --caption …] [--file photo.jpg] [--url http://127.0.0.1:8089]
 *   redeliver --last | --id d3 [--url …]
 * Any other --kebab-case option becomes a camelCase field of POST /__emulator/inbound
 * (--reply-to → replyTo, --mime-type → mimeType); --json '{…}' merges raw fields (e.g. a "message").
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export const CLIENT_USAGE = [
	'  tsx emulator/cli.ts simulate --from 16505551234 --text "Hi" [--type image|location|button_reply|…] [--name "Sheena"] [--file photo.jpg] [--json \'{…}\'] [--url http://127.0.0.1:8089]',
	'  tsx emulator/cli.ts redeliver --last | --id d3 [--url http://127.0.0.1:8089]',
].join('\n');

const DEFAULT_URL = 'http://127.0.0.1:8089';
const NUMERIC = new Set(['latitude', 'longitude', 'timestamp', 'buttonIndex', 'rowIndex']);
const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', mp4: 'video/mp4', '3gp': 'video/3gpp',
	ogg: 'audio/ogg', mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', amr: 'audio/amr', pdf: 'application/pdf', txt: 'text/plain',
};

/** --flag value pairs; a flag followed by another flag (or nothing) is `true`. */
export function parseFlags(args: string[]): Record<string, string | true> {
	const flags: Record<string, string | true> = {};
	for (let index = 0; index < args.length; index += 1) {
		const flag = args[index];
		if (!flag.startsWith('--')) throw new Error(`Unexpected "${flag}". Usage:\n${CLIENT_USAGE}`);
		const next = args[index + 1];
		const hasValue = next !== undefined && !next.startsWith('--');
		flags[flag.slice(2)] = hasValue ? next : true;
		if (hasValue) index += 1;
	}
	return flags;
}

const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** The POST /__emulator/inbound body for `simulate`'s flags. */
export function inboundBody(flags: Record<string, string | true>): Record<string, unknown> {
	const { url: _url, file, json, ...rest } = flags;
	const body: Record<string, unknown> = {};
	for (const [flag, value] of Object.entries(rest)) {
		const key = camelCase(flag);
		body[key] = NUMERIC.has(key) && typeof value === 'string' ? Number(value) : value;
	}
	if (typeof file === 'string') {
		body.data = readFileSync(file).toString('base64');
		body.filename ??= basename(file);
		body.mimeType ??= MIME_BY_EXTENSION[file.split('.').pop()!.toLowerCase()];
	}
	if (typeof json === 'string') Object.assign(body, JSON.parse(json));
	if (body.from === undefined && !(typeof body.message === 'object')) throw new Error(`--from is required. Usage:\n${CLIENT_USAGE}`);
	return body;
}

async function admin(baseUrl: string, path: string, body: unknown): Promise<any> {
	let response: Response;
	try {
		response = await fetch(`${baseUrl.replace(/\/+$/, '')}/__emulator${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	} catch {
		throw new Error(`No emulator answers at ${baseUrl}. Start one with "npm run emulator" or pass --url.`);
	}
	const json = (await response.json()) as any;
	if (!response.ok) throw new Error(json?.error?.message ?? `The emulator answered HTTP ${response.status}.`);
	return json;
}

function describe(delivery: { id: string; url: string; statusCode?: number; delivered: boolean; attempts: unknown; error?: string }): string {
	const attempts = Array.isArray(delivery.attempts) ? delivery.attempts.length : delivery.attempts;
	const outcome = delivery.delivered ? `HTTP ${delivery.statusCode}` : `not delivered (${delivery.error ?? `HTTP ${delivery.statusCode}`})`;
	return `  ${delivery.id} → ${delivery.url}: ${outcome} after ${attempts} attempt(s)`;
}

export async function runClientCommand(command: string, args: string[]): Promise<string> {
	const flags = parseFlags(args);
	const baseUrl = typeof flags.url === 'string' ? flags.url : DEFAULT_URL;
	if (command === 'simulate') {
		const result = await admin(baseUrl, '/inbound', inboundBody(flags));
		const deliveries: Parameters<typeof describe>[0][] = result.webhook.deliveries;
		return [
			`Inbound ${result.message.type} ${result.message.id} from ${result.message.from} to ${result.phoneNumberId}`,
			...(deliveries.length > 0 ? deliveries.map(describe) : [`  ${result.webhook.note}`]),
			JSON.stringify(result.webhook.body, null, 2),
		].join('\n');
	}
	if (command === 'redeliver') {
		const request = typeof flags.id === 'string' ? { deliveryId: flags.id } : flags.last === true ? { last: true } : undefined;
		if (!request) throw new Error(`redeliver needs --last or --id <delivery id>. Usage:\n${CLIENT_USAGE}`);
		const { delivery } = await admin(baseUrl, '/webhooks/redeliver', request);
		return [`Redelivered ${delivery.redeliveryOf} (${delivery.kind}) as ${delivery.id}`, describe(delivery), delivery.body].join('\n');
	}
	throw new Error(`Unknown command "${command}". Usage:\n${CLIENT_USAGE}`);
}
