/**
 * Meta's OpenAPI description (emulator/openapi/business-messaging-api_v23.0.yaml) as Ajv
 * validators for the core's tests. The document is read by the emulator's loader and corrected
 * by the emulator's errata (emulator/openapi/errata.ts says what each correction relaxes and why),
 * so the tests and the emulator judge a body by the same schema. Compiled for JSON Schema 2020-12,
 * as OpenAPI 3.1 uses; Ajv ignores OpenAPI's `discriminator`, so each mapping becomes if/then
 * branches.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { applyErrata } from '../../emulator/openapi/errata';
import { loadOpenApiDocument } from '../../emulator/openapi/load';

type Schema = Record<string, any>;

const MESSAGES = '/{Version}/{Phone-Number-ID}/messages';
const TEMPLATES = '/{Version}/{WABA-ID}/message_templates';

/** `discriminator.mapping` → if/then per value; mapped schemas point back at a copy without it. */
function expandDiscriminators(schemas: Schema): void {
	for (const [name, schema] of Object.entries(schemas)) {
		const mapping: Record<string, string> | undefined = schema.discriminator?.mapping;
		if (!mapping) continue;
		const { discriminator, oneOf: _choices, ...base } = schema;
		schemas[`${name}__base`] = base;
		for (const target of Object.values(mapping)) {
			const targetSchema = schemas[target.split('/').pop() as string];
			for (const part of targetSchema.allOf ?? [])
				if (part.$ref === `#/components/schemas/${name}`) part.$ref = `#/components/schemas/${name}__base`;
		}
		schemas[name] = {
			allOf: [
				{ $ref: `#/components/schemas/${name}__base` },
				...Object.entries(mapping).map(([value, target]) => ({
					if: { properties: { [discriminator.propertyName]: { const: value } }, required: [discriminator.propertyName] },
					then: { $ref: target },
				})),
			],
		};
	}
}

export interface MetaOpenApi {
	/** POST /{phone-number-id}/messages request body. */
	send: ValidateFunction;
	/** POST /{waba-id}/message_templates request body. */
	create: ValidateFunction;
	/** GET /{waba-id}/message_templates 200 response body. */
	list: ValidateFunction;
	/** The schema of one message type (`text`, `image`, `template` …) of POST /messages. */
	messageValidator(type: string): ValidateFunction;
	/** Meta's own request examples of POST /messages, by their name in the document. */
	messageExamples: Record<string, Record<string, any>>;
	/** A schema of the document's components by name (e.g. WhatsAppBusinessAccount). */
	componentValidator(name: string): ValidateFunction;
}

let cached: MetaOpenApi | undefined;

export function metaOpenApi(): MetaOpenApi {
	if (cached) return cached;
	const document = structuredClone(loadOpenApiDocument()) as Schema;
	applyErrata(document as never);
	const schemas: Schema = document.components.schemas;
	const messageMapping: Record<string, string> = { ...schemas.Message.discriminator.mapping };
	expandDiscriminators(schemas);
	const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
	addFormats(ajv);
	ajv.addFormat('url', /^https?:\/\/[^\s/$.?#].[^\s]*$/i); // MediaObject.link: "HTTP/HTTPS only"
	ajv.addSchema({ $id: 'meta', components: { schemas } });
	const inMeta = (schema: Schema) => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"meta#/components/'));
	const sendOperation = document.paths[MESSAGES].post.requestBody.content['application/json'];
	const examples = sendOperation.examples as Record<string, { value: Record<string, any> }>;
	cached = {
		send: ajv.compile(inMeta(sendOperation.schema)),
		create: ajv.compile(inMeta(document.paths[TEMPLATES].post.requestBody.content['application/json'].schema)),
		list: ajv.compile(inMeta(document.paths[TEMPLATES].get.responses['200'].content['application/json'].schema)),
		messageValidator: (type) => ajv.getSchema(`meta${messageMapping[type]}`) ?? ajv.compile({ $ref: `meta${messageMapping[type]}` }),
		messageExamples: Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, example.value])),
		componentValidator: (name) => ajv.getSchema(`meta#/components/schemas/${name}`) ?? ajv.compile({ $ref: `meta#/components/schemas/${name}` }),
	};
	return cached;
}
