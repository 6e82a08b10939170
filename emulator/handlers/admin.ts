/**
 * The emulator's own API under /__emulator (no auth, JSON): inspect what was accepted and sent,
 * record messages from users, change the configuration, reset, move the clock. Not part of Meta's API.
 */
import { mergeConfigPatch, publicConfig } from '../config';
import type { EmulatorState } from '../state/store';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { assertInboundAllowed, routeFeatureAdmin } from './admin-features';
import { checkSends, throughputReport } from './admin-sends';
import { AdminInputError, listDeliveries, postBatch, postInbound, redeliver, type WebhookAdminContext } from './admin-webhooks';

export interface AdminRequest {
	method: string;
	/** The path after /__emulator, e.g. "/requests". */
	route: string;
	query: URLSearchParams;
	body: unknown;
	state: EmulatorState;
	webhooks: WebhookDispatcher;
	/** The emulator's own URL (media download URLs in inbound webhooks). */
	baseUrl: string;
	startupMs: number;
}

export interface AdminResponse {
	status: number;
	json: unknown;
}

const ok = (json: unknown): AdminResponse => ({ status: 200, json });
const problem = (status: number, message: string): AdminResponse => ({ status, json: { error: { message } } });

export async function handleAdmin(request: AdminRequest): Promise<AdminResponse> {
	try {
		return await routeAdmin(request);
	} catch (error) {
		if (error instanceof AdminInputError) return problem(400, error.message);
		throw error;
	}
}

async function routeAdmin(request: AdminRequest): Promise<AdminResponse> {
	const { method, route, query, state } = request;
	const webhookContext: WebhookAdminContext = { state, webhooks: request.webhooks, baseUrl: request.baseUrl };
	const key = `${method} ${route.replace(/\/+$/, '') || '/'}`;
	switch (key) {
		case 'GET /health':
			return ok({ status: 'ok', startupMs: Math.round(request.startupMs) });
		case 'GET /requests':
			return ok({ data: filterRequests(state, query) });
		case 'DELETE /requests':
			state.requests = [];
			return ok({ success: true });
		case 'POST /reset':
			request.webhooks.cancel();
			state.reset();
			return ok({ success: true });
		case 'GET /config':
			return ok(publicConfig(state.config));
		case 'PATCH /config': {
			const problems = mergeConfigPatch(state.config, request.body);
			return problems.length > 0 ? problem(400, problems.join('; ')) : ok(publicConfig(state.config));
		}
		case 'POST /inbound':
			assertInboundAllowed(state, request.body);
			return ok(await postInbound(webhookContext, request.body));
		case 'GET /inbound':
			return ok({ data: state.inbound });
		case 'GET /messages':
			return ok({ data: filterMessages(state, query) });
		case 'POST /messages/check':
			return ok(checkSends(state, request.body));
		case 'GET /throughput':
			return ok(throughputReport(state, query));
		case 'DELETE /throughput':
			state.throughputAccount.clear();
			return ok({ success: true });
		case 'GET /webhook-deliveries':
			return ok({ data: listDeliveries(state, query) });
		case 'DELETE /webhook-deliveries':
			state.webhookDeliveries = [];
			return ok({ success: true });
		case 'POST /webhooks/batch':
			assertInboundAllowed(state, request.body);
			return ok(await postBatch(webhookContext, request.body));
		case 'POST /webhooks/redeliver':
			return ok(await redeliver(webhookContext, request.body));
		case 'POST /clock':
			return moveClock(state, request.body);
		default:
			return (await routeFeatureAdmin(request, webhookContext)) ?? problem(404, `No admin route ${key}. See emulator/README.md for the /__emulator endpoints.`);
	}
}

/** ?path= keeps entries whose path contains it; ?method= filters by HTTP method. */
function filterRequests(state: EmulatorState, query: URLSearchParams) {
	const path = query.get('path');
	const method = query.get('method')?.toUpperCase();
	return state.requests.filter((entry) => (!path || entry.path.includes(path)) && (!method || entry.method === method));
}

function filterMessages(state: EmulatorState, query: URLSearchParams) {
	const to = query.get('to')?.replace(/\D/g, '');
	const status = query.get('status');
	const key = query.get('bizOpaqueCallbackData');
	return [...state.messages.values()].filter(
		(message) => (!to || message.waId === to) && (!status || message.status === status) && (key === null || message.bizOpaqueCallbackData === key),
	);
}

/** {advanceMs} moves the emulator's clock forward (e.g. 25 h to close every window); {reset:true} undoes it. */
function moveClock(state: EmulatorState, body: unknown): AdminResponse {
	const { advanceMs, reset } = (body ?? {}) as { advanceMs?: unknown; reset?: unknown };
	if (reset === true) state.clockOffsetMs = 0;
	else if (typeof advanceMs === 'number' && advanceMs >= 0) state.clockOffsetMs += advanceMs;
	else return problem(400, 'Send {"advanceMs": <non-negative number>} or {"reset": true}.');
	return ok({ now: new Date(state.now()).toISOString(), offsetMs: state.clockOffsetMs });
}
