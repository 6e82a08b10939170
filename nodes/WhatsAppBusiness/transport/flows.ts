import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';

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
export async function fetchFlowPage(this: ILoadOptionsFunctions, connection: WhatsAppConnection, after?: string): Promise<FlowPage> {
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
