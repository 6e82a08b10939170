/**
 * Corrections applied to Meta's OpenAPI schemas before they are compiled. Each one fixes a place
 * where the published schema rejects requests that the pages of Meta's documentation show as
 * valid. Everything not listed here is validated exactly as published.
 */
import type { OpenApiDocument } from './load';

type Schema = Record<string, any>;

export interface Erratum {
	id: string;
	/** Why the published schema is wrong, with the Meta documentation page that shows it (docs/references.md). */
	reason: string;
	apply(schemas: Record<string, Schema>): void;
}

export const ERRATA: Erratum[] = [
	{
		id: 'closed-allOf-branches',
		reason:
			'Every *Message schema is allOf[BaseMessageProperties, {additionalProperties:false}]; in JSON Schema the second branch cannot see the first one\'s properties, so even Meta\'s own examples fail. unevaluatedProperties:false (JSON Schema 2020-12, used by OpenAPI 3.1) keeps the intended "no unknown keys".',
		apply(schemas) {
			for (const schema of Object.values(schemas)) {
				const closed = (schema.allOf ?? []).filter((branch: Schema) => branch.additionalProperties === false);
				if (closed.length === 0) continue;
				for (const branch of closed) delete branch.additionalProperties;
				schema.unevaluatedProperties = false;
			}
		},
	},
	{
		id: 'recipient-type-optional',
		reason: '(Meta: Send messages) recipient_type is optional ("individual" by default); biz_opaque_callback_data and recipient_identity_key_hash are accepted on every message.',
		apply(schemas) {
			const base = schemas.BaseMessageProperties;
			base.required = base.required.filter((name: string) => name !== 'recipient_type');
			base.properties.biz_opaque_callback_data = { type: 'string' };
			base.properties.recipient_identity_key_hash = { type: 'string' };
		},
	},
	{
		id: 'language-policy-optional',
		reason: '(Meta: Template components) a template language is {code}; `policy: "deterministic"` is an optional legacy field.',
		apply(schemas) {
			schemas.LanguageObject.required = ['code'];
		},
	},
	{
		id: 'location-coordinates-numbers',
		reason: '(Meta: Location messages) Meta\'s examples send latitude/longitude as strings, SDKs as numbers; both are accepted.',
		apply(schemas) {
			const location = findBranchProperty(schemas.LocationMessage, 'location');
			location.properties.latitude.type = ['string', 'number'];
			location.properties.longitude.type = ['string', 'number'];
		},
	},
	{
		id: 'contacts-limits-and-labels',
		reason: '(Meta: Contacts messages) up to 257 contacts per message, and labels such as "Mobile", "Office", "Company" are free text, not HOME/WORK only.',
		apply(schemas) {
			findBranchProperty(schemas.ContactsMessage, 'contacts').maxItems = 257;
			for (const name of ['PhoneObject', 'AddressObject', 'EmailObject', 'UrlObject']) delete schemas[name].properties.type.enum;
		},
	},
	{
		id: 'interactive-types',
		reason: '(Meta: Interactive CTA URL button messages, Location request messages, Interactive media carousel messages) cta_url, location_request_message and carousel are interactive types, with their own action shapes.',
		apply(schemas) {
			schemas.InteractiveObject.properties.type.enum.push('cta_url', 'location_request_message', 'carousel');
			schemas.ActionObject.oneOf.push(
				{
					required: ['name', 'parameters'],
					properties: {
						name: { type: 'string', enum: ['cta_url'] },
						parameters: {
							type: 'object',
							required: ['display_text', 'url'],
							properties: { display_text: { type: 'string', maxLength: 20 }, url: { type: 'string' } },
						},
					},
				},
				{ required: ['name'], properties: { name: { type: 'string', enum: ['send_location'] } } },
				{ required: ['cards'], properties: { cards: { type: 'array', minItems: 2, maxItems: 10 } } },
			);
		},
	},
	{
		id: 'list-body-length',
		reason: '(Meta: Interactive list messages) a list message body may be 4096 characters; the 1024 limit of the other interactive types is checked by the semantic rules.',
		apply(schemas) {
			schemas.BodyObject.properties.text.maxLength = 4096;
		},
	},
	{
		id: 'template-component-send-shape',
		reason:
			'(Meta: Template components) components also include carousel and limited_time_offer; sub_type includes copy_code and flow in either case; index is 0–9 as an integer or a string (the published pattern ^[2-6, 11-14]$ rejects "0").',
		apply(schemas) {
			const component = schemas.TemplateComponent;
			component.properties.type.enum.push('carousel', 'limited_time_offer');
			// The button branch restates sub_type and index with the same defects.
			for (const properties of [component.properties, findBranchProperty(schemas.ButtonComponent, 'index', true)]) {
				properties.sub_type = { type: 'string' };
				properties.index = { anyOf: [{ type: 'string', pattern: '^[0-9]$' }, { type: 'integer', minimum: 0, maximum: 9 }] };
			}
		},
	},
	{
		id: 'template-parameter-types',
		reason:
			'(Meta: Template components) a template header parameter may be a location; a button parameter may be coupon_code (copy-code buttons) or action (flow buttons).',
		apply(schemas) {
			schemas.ParameterObject.properties.type.enum.push('location');
			schemas.ButtonParameterObject.properties.type.enum.push('coupon_code', 'action');
		},
	},
	{
		id: 'bsuid-recipient',
		reason:
			'Meta\'s "Business-scoped user IDs" page (March 2026 update): a message may address the user by BSUID in `recipient` instead of a phone number in `to`, on /messages and /marketing_messages. The v23.0 JSON Schema predates it and requires `to`; the semantic rules require one of the two.',
		apply(schemas) {
			for (const schema of [schemas.BaseMessageProperties, schemas.MarketingMessageRequestPayload]) {
				schema.required = schema.required.filter((name: string) => name !== 'to');
				schema.properties.recipient = { type: 'string', maxLength: 256 };
			}
		},
	},
	{
		id: 'catalog-message-parameters-optional',
		reason:
			'Meta\'s "Share products" page: in a catalog message "the parameters object is optional" (the first catalog item becomes the thumbnail), but the JSON Schema branch for action.name "catalog_message" requires it.',
		apply(schemas) {
			const branch = (schemas.ActionObject.oneOf as Schema[]).find((candidate) => candidate.properties?.name?.enum?.includes('catalog_message'));
			if (!branch) throw new Error('OpenAPI erratum target catalog_message action not found; was the YAML replaced?');
			branch.required = ['name'];
		},
	},
];

/** Applies the errata (all of them by default) to the document's component schemas, in place. */
export function applyErrata(document: OpenApiDocument, errata: Erratum[] = ERRATA): void {
	for (const erratum of errata) erratum.apply(document.components.schemas);
}

/** The `allOf` branch declaring `property`: that property's schema, or with `wholeBranch` the branch's `properties`. */
function findBranchProperty(schema: Schema, property: string, wholeBranch = false): Schema {
	const branch = (schema.allOf as Schema[]).find((candidate) => candidate.properties?.[property]);
	if (!branch) throw new Error(`OpenAPI erratum target ${property} not found; was the YAML replaced?`);
	return wholeBranch ? branch.properties : branch.properties[property];
}
