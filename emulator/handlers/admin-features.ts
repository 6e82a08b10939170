/**
 * Admin calls (/__emulator, no auth, JSON) that set up the account states the insights, Marketing
 * Messages, Flows, catalog, block-list and BSUID endpoints depend on, and play back what users do
 * there (a Flow completed, a URL button tapped). Not part of Meta's API; see emulator/README.md.
 */
import { SEED } from '../seed';
import { numericId } from '../state/ids';
import { BSUID_PATTERN, ONBOARDING_STATUSES, type CatalogProduct, type FlowRecord, type FlowStatus } from '../state/features';
import { RATE_CARD } from '../state/rate-card';
import type { EmulatorState } from '../state/store';
import type { SentMessage } from '../state/types';
import type { AdminRequest, AdminResponse } from './admin';
import { AdminInputError, postInbound, type WebhookAdminContext } from './admin-webhooks';

type Json = Record<string, any>;

const ok = (json: unknown): AdminResponse => ({ status: 200, json });

/** Handles the feature routes; undefined when the route is not one of them. */
export async function routeFeatureAdmin(request: AdminRequest, webhooks: WebhookAdminContext): Promise<AdminResponse | undefined> {
	const { method, state, query } = request;
	const body = (request.body ?? {}) as Json;
	const route = request.route.replace(/\/+$/, '');
	const user = /^\/users\/([^/]+)$/.exec(route);
	if (user && method === 'GET') return ok(userIds(state, decodeURIComponent(user[1])));
	switch (`${method} ${route}`) {
		case 'GET /waba':
			return ok({ data: [...state.wabas.keys()].map((id) => ({ wabaId: id, ...state.features.settingsOf(id) })) });
		case 'PATCH /waba':
			return ok(patchWaba(state, body));
		case 'GET /flows':
			return ok({ data: [...state.features.flows.values()] });
		case 'POST /flows':
			return ok(saveFlow(state, body));
		case 'POST /flows/complete':
			return ok(await completeFlow(webhooks, body));
		case 'GET /catalog':
			return ok(catalogView(state));
		case 'POST /catalog':
			return ok(changeCatalog(state, body));
		case 'GET /blocked':
			return ok({ data: [...state.features.blockListOf(phoneOf(state, query.get('phoneNumberId') ?? undefined)).values()] });
		case 'POST /blocked':
			return ok(setBlocked(state, body, true));
		case 'DELETE /blocked':
			return ok(setBlocked(state, body, false));
		case 'GET /clicks':
			return ok({ data: state.features.clicks });
		case 'POST /clicks':
			return ok({ click: recordClick(state, body) });
		case 'GET /users':
			return ok({ data: state.features.users() });
		case 'POST /users':
			return ok(registerUser(state, body));
		case 'GET /rate-card':
			return ok({ currency: 'USD', unit: 'per delivered billable message', rates: RATE_CARD });
		default:
			return undefined;
	}
}

/** Refuses inbound messages from users the number blocked: WhatsApp does not deliver them ("Block users"). */
export function assertInboundAllowed(state: EmulatorState, body: unknown): void {
	const request = (body ?? {}) as Json;
	const items: Json[] = [request, ...(Array.isArray(request.messages) ? request.messages : []), ...(Array.isArray(request.inbound) ? request.inbound : [])];
	for (const item of items) {
		const from = String(item.from ?? item.message?.from ?? '').replace(/\D/g, '');
		const phoneNumberId = item.phoneNumberId ?? request.phoneNumberId ?? SEED.phoneNumberId;
		if (from && state.features.isBlocked(phoneNumberId, from)) {
			throw new AdminInputError(`${from} is blocked on ${phoneNumberId}: a blocked user cannot contact the business. Unblock them first.`);
		}
	}
}

function phoneOf(state: EmulatorState, phoneNumberId = SEED.phoneNumberId as string): string {
	if (!state.phoneNumbers.has(phoneNumberId)) throw new AdminInputError(`Unknown phoneNumberId "${phoneNumberId}"; seeded numbers are ${[...state.phoneNumbers.keys()].join(', ')}.`);
	return phoneNumberId;
}

function wabaOf(state: EmulatorState, wabaId = SEED.wabaId as string): string {
	if (!state.wabas.has(wabaId)) throw new AdminInputError(`Unknown wabaId "${wabaId}".`);
	return wabaId;
}

/** PATCH /waba {wabaId?, insightsEnabled?, insightsAvailable?, marketingMessagesOnboardingStatus?, messageActivitySharing?}. */
function patchWaba(state: EmulatorState, body: Json) {
	const settings = state.features.settingsOf(wabaOf(state, body.wabaId));
	const booleans = ['insightsEnabled', 'insightsAvailable', 'messageActivitySharing'] as const;
	for (const key of Object.keys(body)) {
		if (key !== 'wabaId' && key !== 'marketingMessagesOnboardingStatus' && !(booleans as readonly string[]).includes(key)) throw new AdminInputError(`Unknown setting "${key}".`);
	}
	for (const key of booleans) {
		if (body[key] !== undefined && typeof body[key] !== 'boolean') throw new AdminInputError(`"${key}" must be true or false.`);
	}
	const status = body.marketingMessagesOnboardingStatus;
	if (status !== undefined && !ONBOARDING_STATUSES.includes(status)) throw new AdminInputError(`"marketingMessagesOnboardingStatus" must be one of ${ONBOARDING_STATUSES.join(', ')}.`);
	for (const key of booleans) if (body[key] !== undefined) settings[key] = body[key];
	if (status !== undefined) settings.marketingMessagesOnboardingStatus = status;
	return { wabaId: body.wabaId ?? SEED.wabaId, ...settings };
}

const FLOW_STATUSES: FlowStatus[] = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED'];

/**
 * POST /flows {id?, name, status?, categories?, screens?, wabaId?}: an `id` or `name` that exists
 * changes that Flow; otherwise a new Flow is created (DRAFT, categories [OTHER], screen FIRST).
 */
function saveFlow(state: EmulatorState, body: Json): FlowRecord {
	const wabaId = wabaOf(state, body.wabaId);
	if (body.status !== undefined && !FLOW_STATUSES.includes(body.status)) throw new AdminInputError(`"status" must be one of ${FLOW_STATUSES.join(', ')}.`);
	for (const key of ['categories', 'screens']) {
		if (body[key] !== undefined && (!Array.isArray(body[key]) || body[key].some((value: unknown) => typeof value !== 'string'))) throw new AdminInputError(`"${key}" must be a list of strings.`);
	}
	const existing = typeof body.id === 'string' ? state.features.flows.get(body.id) : state.features.flowsOf(wabaId).find((flow) => flow.name === body.name);
	if (!existing && typeof body.name !== 'string') throw new AdminInputError('A new Flow needs a "name".');
	const flow: FlowRecord = existing ?? { id: body.id ?? numericId(), wabaId, name: body.name, status: 'DRAFT', categories: ['OTHER'], validation_errors: [], json_version: '7.0', screens: ['FIRST'] };
	for (const key of ['name', 'status', 'categories', 'screens'] as const) if (body[key] !== undefined) (flow as unknown as Json)[key] = body[key];
	state.features.flows.set(flow.id, flow);
	return flow;
}

/**
 * POST /flows/complete {from?, messageId?, response?, phoneNumberId?, name?}: the user finishes the
 * Flow of a message (messageId, else the latest Flow message to `from`) and WhatsApp posts an
 * `nfm_reply` whose response_json holds `response` plus that message's flow_token ("Receive Flow
 * response" page: the Flow is known by its token only).
 */
async function completeFlow(webhooks: WebhookAdminContext, body: Json) {
	const { state } = webhooks;
	const message = typeof body.messageId === 'string' ? state.messages.get(body.messageId) : latestFlowMessage(state, body);
	if (!message || flowTokenOf(message) === undefined) {
		throw new AdminInputError('Send {"messageId": "<wamid of a Flow message>"} or {"from": "<user>"} after sending that user a Flow (interactive flow or a template with a FLOW button).');
	}
	if (body.response !== undefined && (typeof body.response !== 'object' || body.response === null || Array.isArray(body.response))) {
		throw new AdminInputError('"response" must be an object: the values the user entered, e.g. {"name": "Sheena", "date": "2025-06-02"}.');
	}
	const responseJson = JSON.stringify({ ...(body.response ?? {}), flow_token: flowTokenOf(message) });
	const inbound = await postInbound(webhooks, {
		from: message.waId, phoneNumberId: message.phoneNumberId, type: 'nfm_reply', responseJson, replyTo: message.id, ...(typeof body.name === 'string' ? { name: body.name } : {}),
	});
	return { flowMessageId: message.id, ...inbound };
}

function latestFlowMessage(state: EmulatorState, body: Json): SentMessage | undefined {
	const waId = String(body.from ?? '').replace(/\D/g, '');
	const phoneNumberId = body.phoneNumberId ?? SEED.phoneNumberId;
	return [...state.messages.values()].filter((message) => message.waId === waId && message.phoneNumberId === phoneNumberId && flowTokenOf(message) !== undefined).at(-1);
}

/** The flow_token of a Flow message ("unused" when the business gave none), or undefined for other messages. */
export function flowTokenOf(message: SentMessage): string | undefined {
	const body = message.body as Json;
	if (body.type === 'interactive' && body.interactive?.type === 'flow') return body.interactive.action?.parameters?.flow_token ?? 'unused';
	if (body.type !== 'template') return undefined;
	const button = (body.template?.components ?? []).find((component: Json) => String(component.sub_type).toLowerCase() === 'flow');
	return button ? (button.parameters?.[0]?.action?.flow_token ?? 'unused') : undefined;
}

function catalogView(state: EmulatorState) {
	return { data: [...state.features.catalogs.values()].map((catalog) => ({ ...catalog, products: [...catalog.products.values()] })) };
}

/** POST /catalog {catalogId?, connected?, products?: [{retailer_id, name, price, currency?, availability?}], removeProducts?: [retailer_id]}. */
function changeCatalog(state: EmulatorState, body: Json) {
	const catalog = [...state.features.catalogs.values()].find((candidate) => candidate.id === (body.catalogId ?? candidate.id));
	if (!catalog) throw new AdminInputError(`Unknown catalogId "${body.catalogId}".`);
	if (body.connected !== undefined) {
		if (typeof body.connected !== 'boolean') throw new AdminInputError('"connected" must be true or false.');
		catalog.connected = body.connected;
	}
	for (const [index, item] of (Array.isArray(body.products) ? body.products : []).entries()) {
		if (typeof item?.retailer_id !== 'string' || typeof item.name !== 'string') throw new AdminInputError(`products[${index}] needs retailer_id and name.`);
		const product: CatalogProduct = {
			retailer_id: item.retailer_id, name: item.name, price: String(item.price ?? '0.00'), currency: item.currency ?? 'USD', availability: item.availability === 'out of stock' ? 'out of stock' : 'in stock',
		};
		catalog.products.set(product.retailer_id, product);
	}
	for (const id of Array.isArray(body.removeProducts) ? body.removeProducts : []) catalog.products.delete(String(id));
	return catalogView(state);
}

/** POST / DELETE /blocked {phoneNumberId?, users?: [...]}: sets the list directly (no 24-hour rule); DELETE without users empties it. */
function setBlocked(state: EmulatorState, body: Json, block: boolean) {
	const phoneNumberId = phoneOf(state, body.phoneNumberId);
	const list = state.features.blockListOf(phoneNumberId);
	const users: unknown[] | undefined = Array.isArray(body.users) ? body.users : undefined;
	if (block && !users) throw new AdminInputError('Send {"users": ["16505551234", …]} (and "phoneNumberId" for another number).');
	if (!users) list.clear();
	for (const input of users ?? []) {
		const waId = String(input).replace(/\D/g, '');
		if (!waId) throw new AdminInputError(`"${String(input)}" is not a phone number.`);
		if (block) list.set(waId, { waId, input: String(input), blockedAt: state.now() });
		else list.delete(waId);
	}
	return { phoneNumberId, data: [...list.values()] };
}

/** POST /clicks {messageId, buttonIndex?}: the user taps a URL button of a template message (the first URL button by default). */
function recordClick(state: EmulatorState, body: Json) {
	const message = typeof body.messageId === 'string' ? state.messages.get(body.messageId) : undefined;
	const template = message?.templateId ? state.templates.get(message.templateId) : undefined;
	if (!message || !template) throw new AdminInputError('"messageId" must be the wamid of a template message (see GET /__emulator/messages).');
	const buttons = template.components.find((component) => component.type === 'BUTTONS')?.buttons ?? [];
	const index = typeof body.buttonIndex === 'number' ? body.buttonIndex : buttons.findIndex((button) => button.type === 'URL');
	const button = buttons[index];
	if (!button || button.type !== 'URL') throw new AdminInputError(`Template ${template.name} has no URL button${index >= 0 ? ` at index ${index}` : ''}.`);
	const click = { messageId: message.id, templateId: template.id, buttonIndex: index, buttonText: button.text ?? '', waId: message.waId, at: Math.floor(state.now() / 1000) };
	state.features.clicks.push(click);
	return click;
}

function userIds(state: EmulatorState, waId: string) {
	const digits = waId.replace(/\D/g, '');
	if (!digits) throw new AdminInputError('Give the user\'s phone number: GET /__emulator/users/16505551234.');
	return { wa_id: digits, user_id: state.features.userIdOf(digits) };
}

/** POST /users {waId, userId}: gives a user a chosen BSUID. */
function registerUser(state: EmulatorState, body: Json) {
	const digits = String(body.waId ?? '').replace(/\D/g, '');
	if (!digits || typeof body.userId !== 'string' || !BSUID_PATTERN.test(body.userId)) {
		throw new AdminInputError('Send {"waId": "16505551234", "userId": "US.13491208655302741918"} (a BSUID is a country code, a period, letters and digits).');
	}
	state.features.registerUserId(digits, body.userId);
	return { wa_id: digits, user_id: body.userId };
}
