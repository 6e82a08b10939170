/**
 * Zoho's response envelopes (Zoho CRM v8 API docs and the zoho/crm-oas examples): errors are
 * `{code, details, message, status:"error"}`, at top level or per record inside `data[]`; a write
 * answers 201/200 when every record succeeded, 207 when mixed and 400 when all failed.
 */
import { FakeHttpError, type FakeResponse } from '../common/http';

export interface ZohoItem {
	code: string;
	details: Record<string, unknown>;
	message: string;
	status: 'success' | 'error';
	[key: string]: unknown;
}

export function itemError(code: string, message: string, details: Record<string, unknown> = {}): ZohoItem {
	return { code, details, message, status: 'error' };
}

export function itemSuccess(message: string, details: Record<string, unknown>, extra: Record<string, unknown> = {}): ZohoItem {
	return { code: 'SUCCESS', ...extra, details, message, status: 'success' };
}

/** A top-level error answer (authentication, scope, bad module, bad query…). */
export function topError(status: number, code: string, message: string, details: Record<string, unknown> = {}, headers?: Record<string, string>): FakeResponse {
	return { status, json: itemError(code, message, details), headers };
}

export function fail(status: number, code: string, message: string, details: Record<string, unknown> = {}): never {
	throw new FakeHttpError(topError(status, code, message, details));
}

/** `{data:[…]}` with 201/200 (all succeeded), 207 (mixed) or `allFailedStatus` (all failed). */
export function envelope(items: ZohoItem[], successStatus: number, allFailedStatus = 400): FakeResponse {
	const failed = items.filter((item) => item.status === 'error').length;
	const status = failed === 0 ? successStatus : failed === items.length ? allFailedStatus : 207;
	return { status, json: { data: items } };
}

/** "2026-05-14T09:51:00+00:00": Zoho's date-time format (ISO 8601 with offset, no milliseconds). */
export function zohoTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export const NO_CONTENT: FakeResponse = { status: 204 };
