/** Built bodies checked against Meta's own OpenAPI schemas, corrected by the emulator's errata (emulator/openapi/errata.ts). */
import { buildTemplateComponents, buildTemplateCreateBody, templateParameterFields } from '../../../nodes/shared/whatsapp/templates';
import type { TemplateCreateInput, TemplateDefinition } from '../../../nodes/shared/whatsapp/templates';
import { allTemplates, orderConfirmationInput, tuscanGetawayImage } from './fixtures';
import { metaOpenApi } from '../../harness/metaOpenApi';

const sampleValue = (kind: string, id: string): string => {
	if (kind === 'image' || kind === 'video') return id.includes('card_1') ? 'https://example.com/media.jpg' : '1558081531584829';
	if (kind === 'document') return id.endsWith('filename') ? 'receipt.pdf' : 'https://example.com/r.pdf';
	if (kind === 'location') return id.endsWith('latitude') ? '37.44211676562361' : id.endsWith('longitude') ? '-122.16155960083124' : 'Philz Coffee';
	if (kind === 'expiration_time') return '1698278400000';
	if (kind === 'flow') return id.endsWith('data') ? '{"product_id":"123"}' : 'FLOW_TOKEN';
	return 'SKBUP2';
};

const sendBody = (def: TemplateDefinition) => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '16505551234',
	type: 'template',
	template: {
		name: def.name,
		language: { code: def.language },
		components: buildTemplateComponents(def, Object.fromEntries(templateParameterFields(def).map((field) => [field.id, sampleValue(field.kind, field.id)]))),
	},
});

describe("Meta's OpenAPI schema for POST /{Version}/{Phone-Number-ID}/messages", () => {
	it.each(allTemplates.map((def) => [def.name, def] as const))('accepts the send body built for %s', (_name, def) => {
		const { send } = metaOpenApi();
		expect(send(sendBody(def)) ? [] : send.errors).toEqual([]);
	});

	it('rejects a malformed component, so the checks above are not vacuous', () => {
		const { send } = metaOpenApi();
		const body = sendBody(tuscanGetawayImage);
		body.template.components[0] = { type: 'header', parameters: [{ type: 'image', link: 'https://example.com/x.jpg' } as never] };
		expect(send(body)).toBe(false);
		expect(send({ ...sendBody(tuscanGetawayImage), template: { language: { code: 'en_US' } } })).toBe(false);
	});
});

describe("Meta's OpenAPI schema for /{Version}/{WABA-ID}/message_templates", () => {
	const createInputs: TemplateCreateInput[] = [
		orderConfirmationInput,
		{ name: 'order_confirmation', language: 'en_US', category: 'UTILITY', headerFormat: 'DOCUMENT', headerHandle: '4::YXBw', bodyText: 'Thanks {{1}}, your receipt is above.', bodyExamples: ['Mark'] },
		{ name: 'coupon', language: 'en_US', category: 'MARKETING', bodyText: 'Use the code below.', buttons: [{ type: 'COPY_CODE', example: '250FF' }, { type: 'FLOW', text: 'Open', flowName: 'signup' }] },
		{ name: 'otp', language: 'en_US', category: 'AUTHENTICATION', addSecurityRecommendation: true, codeExpirationMinutes: 10 },
	];

	it.each(createInputs.map((input) => [input.name, input] as const))('accepts the create body built for %s', (_name, input) => {
		const { create } = metaOpenApi();
		expect(create(buildTemplateCreateBody(input)) ? [] : create.errors).toEqual([]);
	});

	it('rejects a create body whose language is an object (the send-time shape), so the check is not vacuous', () => {
		const { create } = metaOpenApi();
		expect(create({ ...buildTemplateCreateBody(orderConfirmationInput), language: { code: 'en_US' } })).toBe(false);
	});

	it('describes our definition fixtures as a GET list response', () => {
		const { list } = metaOpenApi();
		const response = { data: allTemplates, paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } } };
		expect(list(response) ? [] : list.errors).toEqual([]);
	});
});
