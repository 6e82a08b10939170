/**
 * Send rules for interactive messages that depend on the account: `flow` messages against the
 * WABA's Flows (Meta's Sending a Flow page, Flows error codes 132068 / 132069) and `product`,
 * `product_list`, `catalog_message` messages against its connected catalog ("Share products"
 * page). Where Meta documents that a request fails but not the code, the emulator answers 131009
 * (parameter value not valid) and says so in the details.
 */
import { MetaApiError } from '../http/errors';
import type { PhoneNumberRecord } from '../seed';
import type { CatalogRecord, FlowRecord } from '../state/features';
import type { EmulatorState } from '../state/store';
import { required } from './message-rules';

type Json = Record<string, any>;

/** "Send a Flow": a throttled Flow may still send 10 messages an hour. */
const THROTTLED_FLOW_MESSAGES_PER_HOUR = 10;
/** "Share products": a multi-product message shows at most 30 products. */
const MAX_PRODUCT_LIST_ITEMS = 30;

export function checkAccountInteractive(state: EmulatorState, phoneNumber: PhoneNumberRecord, message: Json): void {
	if (message.type !== 'interactive') return;
	const interactive = message.interactive as Json;
	switch (interactive.type) {
		case 'flow':
			return void findSendableFlow(state, phoneNumber.wabaId, interactive.action.parameters);
		case 'product':
			return checkSingleProduct(connectedCatalog(state, phoneNumber.wabaId, interactive.action.catalog_id), interactive);
		case 'product_list':
			return checkProductList(connectedCatalog(state, phoneNumber.wabaId, interactive.action.catalog_id), interactive);
		case 'catalog_message':
			return checkCatalogMessage(connectedCatalog(state, phoneNumber.wabaId), interactive);
		default:
			return undefined;
	}
}

/** The Flow named by flow_id or flow_name, checked against mode, status and flow_action rules. */
export function findSendableFlow(state: EmulatorState, wabaId: string, parameters: Json): FlowRecord {
	const flows = state.features.flowsOf(wabaId);
	const flow = parameters.flow_id !== undefined ? flows.find((candidate) => candidate.id === parameters.flow_id) : flows.find((candidate) => candidate.name === parameters.flow_name);
	const named = parameters.flow_id !== undefined ? `flow_id ${parameters.flow_id}` : `flow_name "${parameters.flow_name}"`;
	if (!flow) throw new MetaApiError(131009, `No Flow with ${named} on this WhatsApp Business Account. List them with GET /{waba-id}/flows.`);
	if (flow.status === 'BLOCKED') throw new MetaApiError(132068, `Flow ${flow.name} is blocked; correct it in WhatsApp Manager.`);
	if (flow.status === 'DEPRECATED') throw new MetaApiError(131009, `Flow ${flow.name} is deprecated and can no longer be sent; clone and publish it again.`);
	const mode = parameters.mode ?? 'published';
	if (mode === 'published' && flow.status === 'DRAFT') {
		throw new MetaApiError(131009, `Flow ${flow.name} is not published. Publish it, or send it with mode "draft" to test it.`);
	}
	if (flow.status === 'THROTTLED' && sentInLastHour(state, flow) >= THROTTLED_FLOW_MESSAGES_PER_HOUR) {
		throw new MetaApiError(132069, `Flow ${flow.name} is throttled and ${THROTTLED_FLOW_MESSAGES_PER_HOUR} messages with it were already sent in the last hour.`);
	}
	checkFlowAction(flow, parameters);
	return flow;
}

function checkFlowAction(flow: FlowRecord, parameters: Json): void {
	const payload = parameters.flow_action_payload as Json | undefined;
	if ((parameters.flow_action ?? 'navigate') === 'data_exchange') {
		if (payload !== undefined) throw new MetaApiError(131009, 'With flow_action "data_exchange" the first screen comes from your endpoint: omit flow_action_payload.');
		return;
	}
	if (!payload) return;
	const screen = payload.screen ?? 'FIRST_ENTRY_SCREEN';
	if (screen !== 'FIRST_ENTRY_SCREEN' && !flow.screens.includes(screen)) {
		throw new MetaApiError(131009, `Flow ${flow.name} has no screen "${screen}"; its screens are ${flow.screens.join(', ')}.`);
	}
	if (payload.data !== undefined && (typeof payload.data !== 'object' || payload.data === null || Array.isArray(payload.data) || Object.keys(payload.data).length === 0)) {
		throw new MetaApiError(131009, "Param interactive['action']['parameters']['flow_action_payload']['data'] must be a non-empty object (or be left out).");
	}
}

function sentInLastHour(state: EmulatorState, flow: FlowRecord): number {
	const since = state.now() - 60 * 60 * 1000;
	return [...state.messages.values()].filter((sent) => {
		const interactive = sent.body.interactive as Json | undefined;
		const parameters = interactive?.action?.parameters;
		return sent.acceptedAt >= since && interactive?.type === 'flow' && (parameters?.flow_id === flow.id || parameters?.flow_name === flow.name);
	}).length;
}

/** The WABA's connected catalog; a catalog_id, when given, must be that one. */
function connectedCatalog(state: EmulatorState, wabaId: string, catalogId?: string): CatalogRecord {
	const catalog = state.features.catalogOf(wabaId);
	if (!catalog) throw new MetaApiError(131009, 'No product catalog is connected to this WhatsApp Business Account; connect one in Commerce Manager first.');
	if (catalogId !== undefined && catalogId !== catalog.id) {
		throw new MetaApiError(131009, `Catalog ${catalogId} is not the catalog connected to this WhatsApp Business Account (${catalog.id}).`);
	}
	return catalog;
}

/** Single-product message: one known product; no header. */
function checkSingleProduct(catalog: CatalogRecord, interactive: Json): void {
	if (interactive.header !== undefined) throw new MetaApiError(131009, 'A single-product message cannot have a header.');
	const retailerId = interactive.action.product_retailer_id;
	required(retailerId, "interactive['action']['product_retailer_id']");
	if (!catalog.products.has(retailerId)) throw unknownProducts(catalog, [retailerId]);
}

/**
 * Multi-product message: a text header, 1–10 sections with titles when there are several, at most
 * 30 products in all. Unknown products are dropped; when none is known the message is refused.
 */
function checkProductList(catalog: CatalogRecord, interactive: Json): void {
	required(interactive.header, "interactive['header']");
	if (interactive.header.type !== 'text') throw new MetaApiError(131009, 'A multi-product message header must be of type text.');
	const sections: Json[] = interactive.action.sections ?? [];
	required(sections.length > 0 ? sections : undefined, "interactive['action']['sections']");
	if (sections.length > 1) sections.forEach((section, index) => required(section.title, `interactive['action']['sections'][${index}]['title']`));
	const items: string[] = sections.flatMap((section) => (section.product_items ?? []).map((item: Json) => item.product_retailer_id));
	if (items.length === 0) throw new MetaApiError(131008, "Each section needs product_items with at least one product_retailer_id.");
	if (items.length > MAX_PRODUCT_LIST_ITEMS) {
		throw new MetaApiError(131009, `A multi-product message can show at most ${MAX_PRODUCT_LIST_ITEMS} products in all sections; it has ${items.length}.`);
	}
	if (!items.some((id) => catalog.products.has(id))) throw unknownProducts(catalog, items);
}

/** Catalog message: body required (1024 characters is checked by the schema); the thumbnail product must exist. */
function checkCatalogMessage(catalog: CatalogRecord, interactive: Json): void {
	required(interactive.body?.text, "interactive['body']['text']");
	const thumbnail = interactive.action.parameters?.thumbnail_product_retailer_id;
	if (thumbnail !== undefined && !catalog.products.has(thumbnail)) throw unknownProducts(catalog, [thumbnail]);
}

function unknownProducts(catalog: CatalogRecord, ids: string[]): MetaApiError {
	return new MetaApiError(131009, `None of the products ${ids.join(', ')} is in catalog ${catalog.id}. Check the retailer IDs (Content ID in Commerce Manager).`);
}
