/**
 * The emulator's own API under /__emulator (no auth, JSON): inspect what was accepted and sent,
 * record messages from users, change the configuration, reset, move the clock. Not part of Meta's API.
 */
import { mergeConfigPatch, publicConfig } from '../config';
import { recordInbound, InboundInputError, type InboundInput } from '../state/inbound';
import type { EmulatorState } from '../state/store';

export interface AdminRequest {
	method: string;
	/** The path after /__emulator, e.g. "/requests". */
	route: string;
	query: URLSearchParams;
	body: unknown;
	state: EmulatorState;
	startupMs: number;
}

export interface AdminResponse {
	status: number;
	json: unknown;
}

const ok = (json: unknown): AdminResponse => ({ status: 200, json });
const problem = (status: number, message: string): AdminResponse => ({ status, json: { error: { message } } });

export function handleAdmin(request: AdminRequest): AdminResponse {
	const { method, route, query, state } = request;
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
			state.reset();
			return ok({ success: true });
		case 'GET /config':
			return ok(publicConfig(state.config));
		case 'PATCH /config': {
			const problems = mergeConfigPatch(state.config, request.body);
			return problems.length > 0 ? problem(400, problems.join('; ')) : ok(publicConfig(state.config));
		}
		case 'POST /inbound':
			return recordInboundMessage(state, request.body);
		case 'GET /inbound':
			return ok({ data: state.inbound });
		case 'GET /messages':
			return ok({ data: filterMessages(state, query) });
		case 'GET /webhook-deliveries':
			return ok({ data: state.webhookDeliveries });
		case 'POST /clock':
			return moveClock(state, request.body);
		default:
			return problem(404, `No admin route ${key}. See emulator/README.md for the /__emulator endpoints.`);
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
	return [...state.messages.values()].filter((message) => (!to || message.waId === to) && (!status || message.status === status));
}

function recordInboundMessage(state: EmulatorState, body: unknown): AdminResponse {
	try {
		const inbound = recordInbound(state, (body ?? {}) as InboundInput);
		const closesAt = state.windows.closesAt(inbound.phoneNumberId, inbound.contact.wa_id, state.config.customerServiceWindowMs)!;
		return ok({ ...inbound, windowClosesAt: new Date(closesAt).toISOString() });
	} catch (error) {
		if (error instanceof InboundInputError) return problem(400, error.message);
		throw error;
	}
}

/** {advanceMs} moves the emulator's clock forward (e.g. 25 h to close every window); {reset:true} undoes it. */
function moveClock(state: EmulatorState, body: unknown): AdminResponse {
	const { advanceMs, reset } = (body ?? {}) as { advanceMs?: unknown; reset?: unknown };
	if (reset === true) state.clockOffsetMs = 0;
	else if (typeof advanceMs === 'number' && advanceMs >= 0) state.clockOffsetMs += advanceMs;
	else return problem(400, 'Send {"advanceMs": <non-negative number>} or {"reset": true}.');
	return ok({ now: new Date(state.now()).toISOString(), offsetMs: state.clockOffsetMs });
}
