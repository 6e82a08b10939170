import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { endpoints, metaErrorOf, toNodeError, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';

/** A Flow as the WABA lists it (Flows API reference; vendored OpenAPI listFlows). */
export interface FlowSummary {
	id: string;
	name: string;
	/** DRAFT, PUBLISHED, DEPRECATED, BLOCKED or THROTTLED */
	status: string;
}

export interface FlowPage {
	flows: FlowSummary[];
	/** The `after` cursor of the next page; undefined on the last page. */
	next?: string;
}

/** One page of GET /{waba-id}/flows. */
export async function fetchFlowPage(this: ILoadOptionsFunctions | IExecuteFunctions, connection: WhatsAppConnection, after?: string): Promise<FlowPage> {
	const response = await whatsAppRequest.call(this, connection, {
		method: 'GET',
		url: endpoints.flows(connection),
		qs: { fields: 'id,name,status', limit: 100, ...(after ? { after } : {}) },
	});
	const body = response.body as { data?: Array<Record<string, unknown>>; paging?: { cursors?: { after?: string }; next?: string } };
	return {
		flows: (body.data ?? []).map((flow) => ({ id: String(flow.id ?? ''), name: String(flow.name ?? ''), status: String(flow.status ?? '').toUpperCase() })),
		next: body.paging?.next ? body.paging.cursors?.after : undefined,
	};
}

/** Look-ups already made in this run, per Flow reference: a Flow sent to many items is looked up once. */
const lookedUp = new WeakMap<object, Map<string, Promise<FlowSummary | undefined>>>();

/**
 * The Flow an item refers to, with its status, for checkFlowSendable: by ID, GET /{flow-id}
 * (undefined when Meta answers that it does not exist, error 100); by name, the WABA's Flows page by
 * page (exact name). `null` when it cannot be looked up here: 360dialog has no Flows API, and a name
 * needs the credential's WhatsApp Business Account ID (Meta: Flows API reference).
 */
export async function lookUpFlow(
	this: IExecuteFunctions,
	connection: WhatsAppConnection,
	reference: { id: string } | { name: string },
	itemIndex: number,
): Promise<FlowSummary | undefined | null> {
	if (connection.provider === 'dialog360' || ('name' in reference && !connection.wabaId)) return null;
	const key = `${connection.apiRoot}|${connection.wabaId ?? ''}|${'id' in reference ? `id:${reference.id}` : `name:${reference.name}`}`;
	const cache = lookedUp.get(this) ?? new Map<string, Promise<FlowSummary | undefined>>();
	lookedUp.set(this, cache);
	let found = cache.get(key);
	if (!found) {
		found = 'id' in reference ? flowById.call(this, connection, reference.id, itemIndex) : flowByName.call(this, connection, reference.name);
		cache.set(key, found);
		// A failed look-up is not kept: the next item asks again.
		found.catch(() => cache.delete(key));
	}
	return await found;
}

async function flowById(this: IExecuteFunctions, connection: WhatsAppConnection, id: string, itemIndex: number): Promise<FlowSummary | undefined> {
	try {
		const response = await whatsAppRequest.call(this, connection, { method: 'GET', url: `${connection.apiRoot}/${encodeURIComponent(id)}`, qs: { fields: 'id,name,status' }, itemIndex });
		const flow = response.body as Record<string, unknown>;
		return typeof flow.status === 'string' ? { id: String(flow.id ?? id), name: String(flow.name ?? ''), status: flow.status.toUpperCase() } : undefined;
	} catch (error) {
		if (metaErrorOf(error)?.code === 100) return undefined;
		throw toNodeError(this.getNode(), error, itemIndex);
	}
}

async function flowByName(this: IExecuteFunctions, connection: WhatsAppConnection, name: string): Promise<FlowSummary | undefined> {
	let after: string | undefined;
	for (let page = 0; page < 50; page++) {
		const { flows, next } = await fetchFlowPage.call(this, connection, after);
		const flow = flows.find((candidate) => candidate.name === name);
		if (flow || next === undefined) return flow;
		after = next;
	}
	return undefined;
}
