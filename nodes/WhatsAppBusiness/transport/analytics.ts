import type { IDataObject } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection, type WhatsAppContext } from '../../shared/transport';
import { templateAnalyticsPoints } from '../../shared/whatsapp/analytics';
import type { OperationContext } from './connection';

/**
 * Meta's analytics endpoints (Meta: Analytics). Cloud API only: endpoints.waba and
 * endpoints.templateAnalytics refuse a 360dialog credential with a configuration error.
 */

interface Paging {
	paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * GET /{waba-id}/template_analytics with `query`, following `paging.cursors.after` while Meta says
 * there is a next page; returns the data points of every page. 200007 (insights not enabled) comes
 * back as the node's mapped error, whose advice names Analytics › Enable Template Insights.
 */
export async function fetchTemplateAnalyticsPoints(
	this: WhatsAppContext,
	context: OperationContext,
	query: Record<string, string>,
): Promise<Array<Record<string, unknown>>> {
	const points: Array<Record<string, unknown>> = [];
	const cursors = new Set<string>();
	let after: string | undefined;
	do {
		const response = await whatsAppRequest.call(this, context.connection, {
			method: 'GET',
			url: endpoints.templateAnalytics(context.connection),
			qs: { ...query, ...(after ? { after } : {}) },
			itemIndex: context.itemIndex,
		});
		points.push(...templateAnalyticsPoints(response.body));
		const paging = (response.body as Paging).paging;
		after = paging?.next ? paging.cursors?.after : undefined;
		// A cursor seen before would loop forever: stop rather than ask again.
		if (after !== undefined && cursors.has(after)) after = undefined;
		if (after !== undefined) cursors.add(after);
	} while (after !== undefined);
	return points;
}

/** GET /{waba-id}?fields=… (Meta: Analytics field expansion); the answer as Meta sent it. */
export async function fetchWabaFields(this: WhatsAppContext, context: OperationContext, fields: string): Promise<IDataObject> {
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'GET',
		url: endpoints.waba(context.connection),
		qs: { fields },
		itemIndex: context.itemIndex,
	});
	return response.body as IDataObject;
}

/**
 * Meta's Analytics page, confirming template analytics: POST /{waba-id}?is_enabled_for_insights=true.
 * One-way: Meta refuses to turn insights off again (200006). Not retried after a dropped connection
 * (POST), which is harmless here: running it again does the same.
 */
export async function enableTemplateInsights(this: WhatsAppContext, context: OperationContext): Promise<IDataObject> {
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.waba(context.connection),
		qs: { is_enabled_for_insights: 'true' },
		itemIndex: context.itemIndex,
	});
	return response.body as IDataObject;
}

export interface WabaPhoneNumber {
	id: string;
	/** Digits only, as the analytics filters take them (e.g. 15550783881) */
	displayPhoneNumber: string;
	verifiedName?: string;
}

/** Every phone number of the WABA (Meta: Phone numbers), all pages, with its display number in digits. */
export async function fetchWabaPhoneNumbers(this: WhatsAppContext, connection: WhatsAppConnection, itemIndex?: number): Promise<WabaPhoneNumber[]> {
	const numbers: WabaPhoneNumber[] = [];
	let after: string | undefined;
	do {
		const response = await whatsAppRequest.call(this, connection, {
			method: 'GET',
			url: endpoints.phoneNumbers(connection),
			qs: { fields: 'id,display_phone_number,verified_name', limit: 100, ...(after ? { after } : {}) },
			itemIndex,
		});
		const body = response.body as Paging & { data?: Array<{ id?: string; display_phone_number?: string; verified_name?: string }> };
		for (const number of body.data ?? []) {
			if (!number.id) continue;
			numbers.push({ id: String(number.id), displayPhoneNumber: String(number.display_phone_number ?? '').replace(/\D/g, ''), verifiedName: number.verified_name });
		}
		after = body.paging?.next ? body.paging.cursors?.after : undefined;
	} while (after !== undefined);
	return numbers;
}
