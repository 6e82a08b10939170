/**
 * Flows look-ups (Meta's Flows API reference; vendored OpenAPI `listFlows`): GET /{waba-id}/flows
 * lists {id, name, status, categories, validation_errors} with cursor paging, and GET /{flow-id}
 * returns one Flow with `fields`. Creating, editing and publishing Flows is not emulated; the admin
 * API (POST /__emulator/flows) adds or changes them.
 */
import { pickFields, requestedFields, wabaIdOf, type Handler, type RequestContext } from '../http/context';
import type { FlowRecord } from '../state/features';
import { paginate } from './paging';

const FLOW_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors', 'json_version'] as const;
const LIST_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors'];
const DEFAULT_FIELDS = ['id', 'name', 'status', 'categories', 'validation_errors', 'json_version'];

function flowView(flow: FlowRecord, fields: string[]): Record<string, unknown> {
	const { wabaId: _wabaId, screens: _screens, ...visible } = flow;
	return { ...pickFields(visible, fields, FLOW_FIELDS, 'WhatsAppBusinessFlow'), id: flow.id };
}

/** GET /{waba-id}/flows[?fields&limit&after&before]. */
export const listFlows: Handler = (context) => {
	const flows = context.state.features.flowsOf(wabaIdOf(context));
	const fields = requestedFields(context) ?? LIST_FIELDS;
	const page = paginate(context, flows, (flow) => flow.id);
	return { json: { data: page.items.map((flow) => flowView(flow, fields)), ...(page.paging ? { paging: page.paging } : {}) } };
};

/** GET /{flow-id}[?fields=…]; called by getObject for IDs that are Flows. */
export function getFlow(context: RequestContext, flow: FlowRecord) {
	return { json: flowView(flow, requestedFields(context) ?? DEFAULT_FIELDS) };
}
