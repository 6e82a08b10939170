/** What a handler receives and returns. Handlers throw MetaApiError for Meta-shaped failures. */
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestValidator } from '../openapi/validator';
import type { PhoneNumberRecord } from '../seed';
import type { EmulatorState } from '../state/store';
import type { Provider } from '../state/types';
import { MetaApiError, unknownObject } from './errors';
import { parseBody } from './body';

export interface RequestContext {
	method: string;
	/** The path as received, e.g. /v23.0/106540352242922/messages. */
	pathname: string;
	/** The Graph version segment when present (v23.0), else undefined (Meta's Send messages page: optional). */
	version?: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	provider: Provider;
	/** 360dialog: the phone number the API key belongs to (docs/360dialog.md). */
	dialog360PhoneNumberId?: string;
	/** Route parameters, e.g. { phoneNumberId }. */
	params: Record<string, string>;
	state: EmulatorState;
	validator: RequestValidator;
	/** http://127.0.0.1:PORT — for URLs the emulator hands out (media, paging). */
	baseUrl: string;
}

export interface HandlerResult {
	status?: number;
	json?: unknown;
	binary?: { contentType: string; data: Buffer };
	/** What GET /__emulator/requests shows as the body (default: the parsed JSON body). */
	loggedBody?: unknown;
	/** The created or sent object's ID (wamid, media ID, template ID) for the request log. */
	responseId?: string;
}

export type Handler = (context: RequestContext) => HandlerResult | Promise<HandlerResult>;

export function jsonBody(context: RequestContext): Record<string, unknown> {
	return parseBody(context.rawBody, context.headers['content-type']);
}

/** The sending phone number: from the path (Graph) or from the API key (360dialog). */
export function phoneNumberOf(context: RequestContext): PhoneNumberRecord {
	const id = context.params.phoneNumberId ?? context.dialog360PhoneNumberId;
	if (!id) throw new MetaApiError(100, 'The request does not name a phone number ID.');
	const phoneNumber = context.state.phoneNumbers.get(id);
	if (!phoneNumber) throw unknownObject(id, 'Use a phone number ID from GET /{waba-id}/phone_numbers.');
	return phoneNumber;
}

/** The WABA named in the path (Graph) or owning the 360dialog key's number. */
export function wabaIdOf(context: RequestContext): string {
	const id = context.params.wabaId ?? (context.dialog360PhoneNumberId ? phoneNumberOf(context).wabaId : undefined);
	if (!id || !context.state.wabas.has(id)) throw unknownObject(id ?? '', 'Use the WhatsApp Business Account ID, not a phone number ID.');
	return id;
}

/** `fields=a,b` → ['a','b'], or undefined when absent. */
export function requestedFields(context: RequestContext): string[] | undefined {
	const raw = context.query.get('fields');
	if (raw === null || raw.trim() === '') return undefined;
	return raw.split(',').map((field) => field.trim()).filter(Boolean);
}

/** Picks `fields` from an object; an unknown field is code 100 like Graph's "nonexisting field". */
export function pickFields(object: Record<string, unknown>, fields: string[], known: readonly string[], typeName: string): Record<string, unknown> {
	const picked: Record<string, unknown> = {};
	for (const field of fields) {
		const name = field.replace(/\{.*\}$/, '');
		if (!known.includes(name)) throw new MetaApiError(100, `Tried accessing nonexisting field (${name}) on node type (${typeName}).`);
		if (object[name] !== undefined) picked[name] = object[name];
	}
	return picked;
}
