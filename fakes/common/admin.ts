/**
 * The admin API every fake serves under `/__fake` (no authentication, never logged):
 *   GET    /__fake                 kind, url and this list
 *   GET    /__fake/state           records, notes, tickets, attachments… (no secrets)
 *   GET    /__fake/requests        request log (`?since=<seq>`); DELETE clears it
 *   GET    /__fake/config          settings; PATCH merges a JSON object (400 names unknown keys)
 *   POST   /__fake/reset           seed data back; log, faults and rate-limit window cleared
 *   GET    /__fake/faults          queued faults; POST queues one or an array; DELETE clears
 *   POST   /__fake/index/flush     pending writes become searchable now
 */
import type { CommonFakeConfig } from './config';
import type { FaultQueue, FaultSpec } from './faults';
import { isPlainObject, json, type FakeRequest, type FakeResponse, type Route } from './http';
import type { RequestLog } from './request-log';
import type { VendorSpec } from './server';

interface AdminDependencies<C extends CommonFakeConfig> {
	spec: VendorSpec<C>;
	requests: RequestLog;
	faults: FaultQueue;
	reset: () => void;
	url: () => string;
	patchConfig: (patch: unknown) => string[];
}

/** The JSON body of an admin request, or a 400 answer. */
export function adminBody(request: FakeRequest): { value?: unknown; error?: FakeResponse } {
	if (request.body.length === 0) return { value: undefined };
	try {
		return { value: JSON.parse(request.body.toString('utf8')) };
	} catch {
		return { error: json(400, { error: 'The body is not valid JSON.' }) };
	}
}

export function adminRoutes<C extends CommonFakeConfig>(deps: AdminDependencies<C>): Route[] {
	const { spec, requests, faults } = deps;
	return [
		{
			method: 'GET',
			pattern: '/__fake',
			handler: () =>
				json(200, {
					kind: spec.kind,
					url: deps.url(),
					admin: ['GET /__fake/state', 'GET|DELETE /__fake/requests', 'GET|PATCH /__fake/config', 'POST /__fake/reset', 'GET|POST|DELETE /__fake/faults', 'POST /__fake/index/flush', ...(spec.adminRoutes ?? []).map((route) => `${route.method} ${route.pattern}`)],
				}),
		},
		{ method: 'GET', pattern: '/__fake/state', handler: () => json(200, spec.dump()) },
		{ method: 'GET', pattern: '/__fake/requests', handler: (request) => json(200, { requests: requests.list(Number(request.query.get('since') ?? 0) || 0) }) },
		{
			method: 'DELETE',
			pattern: '/__fake/requests',
			handler: () => {
				requests.clear();
				return { status: 204 };
			},
		},
		{ method: 'GET', pattern: '/__fake/config', handler: () => json(200, spec.config) },
		{
			method: 'PATCH',
			pattern: '/__fake/config',
			handler: (request) => {
				const body = adminBody(request);
				if (body.error) return body.error;
				const problems = deps.patchConfig(body.value);
				return problems.length > 0 ? json(400, { error: problems.join('; ') }) : json(200, spec.config);
			},
		},
		{
			method: 'POST',
			pattern: '/__fake/reset',
			handler: () => {
				deps.reset();
				return json(200, { reset: true });
			},
		},
		{ method: 'GET', pattern: '/__fake/faults', handler: () => json(200, { faults: faults.list() }) },
		{
			method: 'POST',
			pattern: '/__fake/faults',
			handler: (request) => {
				const body = adminBody(request);
				if (body.error) return body.error;
				if (!isPlainObject(body.value) && !Array.isArray(body.value)) return json(400, { error: 'Send a fault object or an array of them.' });
				try {
					faults.add(body.value as FaultSpec | FaultSpec[]);
				} catch (error) {
					return json(400, { error: (error as Error).message });
				}
				return json(201, { faults: faults.list() });
			},
		},
		{
			method: 'DELETE',
			pattern: '/__fake/faults',
			handler: () => {
				faults.clear();
				return { status: 204 };
			},
		},
		{
			method: 'POST',
			pattern: '/__fake/index/flush',
			handler: () => {
				spec.flushSearchIndex();
				return json(200, { flushed: true });
			},
		},
	];
}
