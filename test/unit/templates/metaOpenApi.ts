/**
 * Meta's OpenAPI (business-messaging-api_v23.0.yaml) as Ajv validators. The file's schemas use
 * OpenAPI `discriminator` mappings, which Ajv ignores, so each mapping is turned into if/then
 * branches; and a few known defects, each contradicted by the file's own examples or by the
 * reference, are patched and listed in SCHEMA_PATCHES so a reader sees exactly what was relaxed.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { parse } from 'yaml';

const SPEC_PATH = '/work/shared/reference/meta-openapi/business-messaging-api_v23.0.yaml';
type Schema = Record<string, any>;

export const SCHEMA_PATCHES = [
	'LanguageObject: `policy` is not required (its own "Send Test Message" example omits it; reference §1.8 calls it optional)',
	'TemplateComponent/ButtonComponent `index`: the pattern ^[2-6, 11-14]$ rejects "0"; replaced by 0–9 (its own examples send "0")',
	'TemplateComponent `type` gains carousel and limited_time_offer; `sub_type` gains copy_code and flow (reference §1.8.3–1.8.6; its own flow example sends sub_type flow)',
	'ParameterObject `type` gains location (§1.8.1); ButtonParameterObject `type` gains coupon_code and action (§1.8.3)',
];

function patchKnownDefects(schemas: Schema): void {
	schemas.LanguageObject.required = ['code'];
	const indexPattern = { type: 'string', pattern: '^[0-9]$' };
	schemas.TemplateComponent.properties.index = indexPattern;
	schemas.ButtonComponent.allOf[1].properties.index = indexPattern;
	schemas.TemplateComponent.properties.type.enum.push('carousel', 'limited_time_offer');
	schemas.TemplateComponent.properties.sub_type.enum.push('copy_code', 'flow');
	schemas.ButtonComponent.allOf[1].properties.sub_type.enum.push('copy_code', 'flow');
	schemas.ParameterObject.properties.type.enum.push('location');
	schemas.ButtonParameterObject.properties.type.enum.push('coupon_code', 'action');
}

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

let cached: { send: ValidateFunction; create: ValidateFunction; list: ValidateFunction } | undefined;

export function metaValidators() {
	if (cached) return cached;
	const spec = parse(readFileSync(SPEC_PATH, 'utf8'));
	const schemas: Schema = spec.components.schemas;
	patchKnownDefects(schemas);
	expandDiscriminators(schemas);
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	ajv.addSchema({ $id: 'meta', components: { schemas } });
	const jsonBody = (path: string, method: 'post' | 'get') =>
		method === 'post'
			? spec.paths[path].post.requestBody.content['application/json'].schema
			: spec.paths[path].get.responses['200'].content['application/json'].schema;
	const withRefsToMeta = (schema: Schema) => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"meta#/components/'));
	cached = {
		send: ajv.compile(withRefsToMeta(jsonBody('/{Version}/{Phone-Number-ID}/messages', 'post'))),
		create: ajv.compile(withRefsToMeta(jsonBody('/{Version}/{WABA-ID}/message_templates', 'post'))),
		list: ajv.compile(withRefsToMeta(jsonBody('/{Version}/{WABA-ID}/message_templates', 'get'))),
	};
	return cached;
}
