/**
 * HubSpot's error body (CRM v3 OpenAPI `Error`): `{status:"error", message, correlationId,
 * category, subCategory?, errors?, context?, links?}`.
 */
import { randomUUID } from 'node:crypto';
import { FakeHttpError, type FakeResponse } from '../common/http';

export function hubspotError(status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): FakeResponse {
	return { status, json: { status: 'error', message, correlationId: randomUUID(), category, ...extra }, headers };
}

export function fail(status: number, category: string, message: string, extra: Record<string, unknown> = {}): never {
	throw new FakeHttpError(hubspotError(status, category, message, extra));
}

/** 400 "Property values were not valid" with HubSpot's JSON-in-a-string message and an `errors` list. */
export function invalidProperty(name: string, error: string, message: string): never {
	const detail = { isValid: false, message, error, name, localizedErrorMessage: message };
	fail(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify([detail])}`, { errors: [{ message, code: error, context: { propertyName: [name] } }] });
}

export function notFound(): never {
	fail(404, 'OBJECT_NOT_FOUND', 'resource not found');
}
