/**
 * Validates request bodies against the request schemas of Meta's OpenAPI document (after the
 * errata), compiled once per process with Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 * A schema with a `discriminator` (the Message schema: text, image, template …) is dispatched on
 * that property, as OpenAPI intends, so errors name the fields of the chosen message type.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MetaApiError } from '../http/errors';
import { applyErrata, type Erratum } from './errata';
import { loadOpenApiDocument, type OpenApiDocument } from './load';
import { schemaErrorToMeta } from './schema-errors';

/** The operations whose bodies are validated: [OpenAPI path, method, media type]. */
export const VALIDATED_OPERATIONS = {
	sendMessage: ['/{Version}/{Phone-Number-ID}/messages', 'post', 'application/json'],
	uploadMedia: ['/{Version}/{Phone-Number-ID}/media', 'post', 'multipart/form-data'],
	updateBusinessProfile: ['/{Version}/{Phone-Number-ID}/whatsapp_business_profile', 'post', 'application/json'],
	createTemplate: ['/{Version}/{WABA-ID}/message_templates', 'post', 'application/json'],
	editTemplate: ['/{Version}/{TEMPLATE_ID}', 'post', 'application/json'],
	sendMarketingMessage: ['/{Version}/{Phone-Number-ID}/marketing_messages', 'post', 'application/json'],
	blockUsers: ['/{Version}/{Phone-Number-ID}/block_users', 'post', 'application/json'],
	unblockUsers: ['/{Version}/{Phone-Number-ID}/block_users', 'delete', 'application/json'],
} as const;

export type ValidatedOperation = keyof typeof VALIDATED_OPERATIONS;

/** Management endpoints answer every invalid parameter with code 100 (Meta: Error codes); messaging uses 131008/131009. */
const MANAGEMENT_OPERATIONS: ReadonlySet<ValidatedOperation> = new Set(['updateBusinessProfile', 'createTemplate', 'editTemplate', 'blockUsers', 'unblockUsers']);

interface CompiledOperation {
	validate: ValidateFunction;
	/** For discriminated schemas: property name and one validator per value. */
	discriminator?: { property: string; byValue: Map<string, ValidateFunction> };
}

export interface ValidatorTimings {
	loadMs: number;
	compileMs: number;
}

const SCHEMA_ID = 'meta-openapi.json';

export class RequestValidator {
	private readonly compiled = new Map<ValidatedOperation, CompiledOperation>();
	readonly timings: ValidatorTimings;

	constructor(document: OpenApiDocument = loadOpenApiDocument(), options: { loadMs?: number; errata?: Erratum[] } = {}) {
		const started = performance.now();
		applyErrata(document, options.errata);
		// allErrors: oneOf alternatives each report, so the best explanation can be chosen.
		// inlineRefs: false compiles each shared schema once (start-up ~0.15 s instead of ~0.6 s).
		const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true, inlineRefs: false });
		addFormats(ajv);
		// MediaObject.link is `format: url` described as "HTTP/HTTPS only" (vendored OpenAPI); ajv-formats' url
		// also refuses IP addresses and localhost, which would refuse links to a file server on this machine.
		ajv.addFormat('url', /^https?:\/\/[^\s/$.?#].[^\s]*$/i);
		// Each request schema becomes a named component so its local $refs resolve in one document.
		for (const [operation, [path, method, mediaType]] of Object.entries(VALIDATED_OPERATIONS)) {
			const requestBody = (document.paths[path]?.[method] as any)?.requestBody;
			const schema = requestBody?.content?.[mediaType]?.schema;
			if (!schema) throw new Error(`The OpenAPI document has no ${mediaType} request schema for ${method.toUpperCase()} ${path}`);
			document.components.schemas[`__request_${operation}`] = schema;
		}
		// Only the schemas these operations reach are added: compiling all 370 would take ~0.6 s.
		ajv.addSchema({ $id: SCHEMA_ID, components: { schemas: reachableSchemas(document, Object.keys(VALIDATED_OPERATIONS).map((operation) => `__request_${operation}`)) } });
		for (const operation of Object.keys(VALIDATED_OPERATIONS) as ValidatedOperation[]) {
			this.compiled.set(operation, compileOperation(ajv, document, `__request_${operation}`));
		}
		this.timings = { loadMs: options.loadMs ?? 0, compileMs: performance.now() - started };
	}

	/** Throws MetaApiError (100 / 131008 / 131009, (Meta: Error codes)) when the body does not match the schema. */
	validate(operation: ValidatedOperation, body: unknown): void {
		const compiled = this.compiled.get(operation)!;
		let validate = compiled.validate;
		if (compiled.discriminator && typeof body === 'object' && body !== null) {
			const value = (body as Record<string, unknown>)[compiled.discriminator.property];
			const chosen = typeof value === 'string' ? compiled.discriminator.byValue.get(value) : undefined;
			if (!chosen) throw discriminatorError(compiled.discriminator.property, value, [...compiled.discriminator.byValue.keys()]);
			validate = chosen;
		}
		if (validate(body)) return;
		const error = schemaErrorToMeta(validate.errors ?? []);
		throw MANAGEMENT_OPERATIONS.has(operation) ? new MetaApiError(100, error.details) : error;
	}
}

function compileOperation(ajv: Ajv2020, document: OpenApiDocument, name: string): CompiledOperation {
	let schema = document.components.schemas[name] as Record<string, any>;
	let ref = `${SCHEMA_ID}#/components/schemas/${name}`;
	if (typeof schema.$ref === 'string') {
		ref = `${SCHEMA_ID}${schema.$ref}`;
		schema = document.components.schemas[schema.$ref.split('/').pop()!];
	}
	const mapping = schema.discriminator?.mapping as Record<string, string> | undefined;
	if (!mapping) return { validate: ajv.compile({ $ref: ref }) };
	// Dispatching replaces the oneOf, so only the per-value schemas are compiled.
	const byValue = new Map(Object.entries(mapping).map(([value, target]) => [value, ajv.compile({ $ref: `${SCHEMA_ID}${target}` })]));
	return { validate: byValue.values().next().value!, discriminator: { property: schema.discriminator.propertyName, byValue } };
}

/** The named schemas reachable through $ref from the given ones (discriminator mappings included). */
function reachableSchemas(document: OpenApiDocument, roots: string[]): Record<string, unknown> {
	const all = document.components.schemas;
	const reached: Record<string, unknown> = {};
	const pending = [...roots];
	while (pending.length > 0) {
		const name = pending.pop()!;
		if (name in reached || !(name in all)) continue;
		reached[name] = all[name];
		JSON.stringify(all[name], (key, value) => {
			if ((key === '$ref' || typeof value === 'string') && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
				pending.push(value.slice('#/components/schemas/'.length));
			}
			return value;
		});
	}
	return reached;
}

function discriminatorError(property: string, value: unknown, allowed: string[]): MetaApiError {
	if (value === undefined) return new MetaApiError(131008, `The parameter ${property} is required. Use one of: ${allowed.join(', ')}.`);
	return new MetaApiError(131009, `Param ${property} must be one of {${allowed.join(', ')}}; got ${JSON.stringify(value)}.`);
}

let shared: RequestValidator | undefined;

/** The process-wide validator: the document is loaded and compiled on first use only. */
export function getRequestValidator(): RequestValidator {
	if (!shared) {
		const started = performance.now();
		const document = loadOpenApiDocument();
		shared = new RequestValidator(document, { loadMs: performance.now() - started });
	}
	return shared;
}
