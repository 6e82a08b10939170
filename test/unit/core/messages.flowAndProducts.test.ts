import {
	buildCatalogMessage,
	buildFlowMessage,
	buildProductListMessage,
	buildProductMessage,
	readFlowScreenData,
} from '../../../nodes/shared/whatsapp/messages';
import { expectValidationError } from '../../harness/expectValidationError';

const to = '+16505551234';
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };

describe('buildFlowMessage (Meta: Sending a Flow)', () => {
	it("builds Meta's all-parameters example: header, footer, token, first screen and its data", () => {
		const body = buildFlowMessage({
			to,
			headerText: 'Flow message header',
			body: 'Flow message body',
			footer: 'Flow message footer',
			flowId: '123456',
			cta: 'Book!',
			flowToken: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
			screen: 'APPOINTMENT',
			data: '{"product_name": "name", "product_price": 100}',
		});
		expect(body).toEqual({
			...envelope,
			type: 'interactive',
			interactive: {
				type: 'flow',
				header: { type: 'text', text: 'Flow message header' },
				body: { text: 'Flow message body' },
				footer: { text: 'Flow message footer' },
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_id: '123456',
						flow_cta: 'Book!',
						flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
						flow_action: 'navigate',
						flow_action_payload: { screen: 'APPOINTMENT', data: { product_name: 'name', product_price: 100 } },
					},
				},
			},
		});
	});

	it('with only the minimum it opens the entry screen by name, without a payload; draft mode sends mode "draft"', () => {
		const body = buildFlowMessage({ to, flowName: 'appointment_booking_v1', body: 'Book a visit', cta: 'Book!', draft: true });
		expect(body.interactive.action.parameters).toEqual({
			flow_message_version: '3',
			flow_name: 'appointment_booking_v1',
			flow_cta: 'Book!',
			mode: 'draft',
			flow_action: 'navigate',
		});
	});

	it('takes exactly one of Flow ID and Flow name, and an ID has digits only', () => {
		expectValidationError(() => buildFlowMessage({ to, body: 'b', cta: 'c' }), 'flow', /Pick the Flow/);
		expectValidationError(() => buildFlowMessage({ to, flowId: '1', flowName: 'x', body: 'b', cta: 'c' }), 'flow');
		expectValidationError(() => buildFlowMessage({ to, flowId: 'appointment', body: 'b', cta: 'c' }), 'flow', /By Name/);
	});

	it('refuses a button text over 30 characters, the reserved SUCCESS screen and screen IDs with spaces', () => {
		expectValidationError(() => buildFlowMessage({ to, flowId: '1', body: 'b', cta: 'x'.repeat(31) }), 'cta', /30/);
		expectValidationError(() => buildFlowMessage({ to, flowId: '1', body: 'b', cta: 'c', screen: 'SUCCESS' }), 'screen');
		expectValidationError(() => buildFlowMessage({ to, flowId: '1', body: 'b', cta: 'c', screen: 'Book a visit' }), 'screen', /id from the Flow JSON/);
	});

	it('with data_exchange the endpoint picks the first screen: no payload, and a screen or data is refused', () => {
		const body = buildFlowMessage({ to, flowId: '1', body: 'b', cta: 'c', action: 'data_exchange' });
		expect(body.interactive.action.parameters).toMatchObject({ flow_action: 'data_exchange' });
		expect(body.interactive.action.parameters).not.toHaveProperty('flow_action_payload');
		expectValidationError(() => buildFlowMessage({ to, flowId: '1', body: 'b', cta: 'c', action: 'data_exchange', screen: 'A' }), 'flowAction', /navigate/);
	});

	it('screen data must be a non-empty JSON object (Meta refuses an empty one)', () => {
		expect(readFlowScreenData({ a: 1 })).toEqual({ a: 1 });
		expect(readFlowScreenData('')).toBeUndefined();
		expectValidationError(() => readFlowScreenData('{}'), 'screenData', /at least one field/);
		expectValidationError(() => readFlowScreenData('[1]'), 'screenData');
		expectValidationError(() => readFlowScreenData('{oops'), 'screenData', /JSON object/);
	});
});

describe('product messages (Meta: Share products)', () => {
	it("single product: Meta's example shape, no header; body and footer optional", () => {
		expect(buildProductMessage({ to, catalogId: '194836987003835', productRetailerId: 'ID_TEST_ITEM_1', body: 'BODY_TEXT', footer: 'FOOTER_TEXT' })).toEqual({
			...envelope,
			type: 'interactive',
			interactive: { type: 'product', body: { text: 'BODY_TEXT' }, footer: { text: 'FOOTER_TEXT' }, action: { catalog_id: '194836987003835', product_retailer_id: 'ID_TEST_ITEM_1' } },
		});
		expect(buildProductMessage({ to, catalogId: '1', productRetailerId: 'x' }).interactive).toEqual({ type: 'product', action: { catalog_id: '1', product_retailer_id: 'x' } });
		expectValidationError(() => buildProductMessage({ to, catalogId: 'my catalog', productRetailerId: 'x' }), 'catalogId', /Commerce Manager/);
		expectValidationError(() => buildProductMessage({ to, catalogId: '1', productRetailerId: ' ' }), 'productRetailerId');
	});

	it('multi-product: text header, body and titled sections of product_items', () => {
		const body = buildProductListMessage({
			to,
			catalogId: '194836987003835',
			headerText: 'Our succulents',
			body: 'Pick yours',
			sections: [
				{ title: 'Small', productRetailerIds: ['di9ozbzfi4', 'jade_plant'] },
				{ title: 'Large', productRetailerIds: ['snake_plant'] },
			],
		});
		expect(body.interactive).toEqual({
			type: 'product_list',
			header: { type: 'text', text: 'Our succulents' },
			body: { text: 'Pick yours' },
			action: {
				catalog_id: '194836987003835',
				sections: [
					{ title: 'Small', product_items: [{ product_retailer_id: 'di9ozbzfi4' }, { product_retailer_id: 'jade_plant' }] },
					{ title: 'Large', product_items: [{ product_retailer_id: 'snake_plant' }] },
				],
			},
		});
	});

	it("multi-product limits are checked before sending: 10 sections, 30 products, titles when several, no repeats", () => {
		const base = { to, catalogId: '1', headerText: 'H', body: 'B' };
		const ids = (n: number, prefix = 'p') => Array.from({ length: n }, (_, index) => `${prefix}${index}`);
		expectValidationError(() => buildProductListMessage({ ...base, sections: [{ productRetailerIds: ids(31) }] }), 'sections', /30 or fewer/);
		expectValidationError(() => buildProductListMessage({ ...base, sections: Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, productRetailerIds: [`p${index}`] })) }), 'sections', /10 or fewer/);
		expectValidationError(() => buildProductListMessage({ ...base, sections: [{ productRetailerIds: ['a'] }, { title: 'Two', productRetailerIds: ['b'] }] }), 'sections[0].title');
		expectValidationError(() => buildProductListMessage({ ...base, sections: [{ title: 'x'.repeat(25), productRetailerIds: ['a'] }, { title: 'Two', productRetailerIds: ['b'] }] }), 'sections[0].title', /24/);
		expectValidationError(() => buildProductListMessage({ ...base, sections: [{ title: 'One', productRetailerIds: [] }] }), 'sections[0].productRetailerIds');
		expectValidationError(() => buildProductListMessage({ ...base, sections: [{ productRetailerIds: ['a', 'a'] }] }), 'sections', /once/);
		expectValidationError(() => buildProductListMessage({ ...base, headerText: '', sections: [{ productRetailerIds: ['a'] }] }), 'headerText');
		expect(buildProductListMessage({ ...base, sections: [{ productRetailerIds: ids(30) }] }).interactive.action.sections[0].product_items).toHaveLength(30);
	});

	it("catalog message: Meta's example; parameters only with a thumbnail product", () => {
		expect(buildCatalogMessage({ to, body: 'Hello! Visit our catalog.', footer: 'Best grocery deals on WhatsApp!', thumbnailProductRetailerId: '2lc20305pt' }).interactive).toEqual({
			type: 'catalog_message',
			body: { text: 'Hello! Visit our catalog.' },
			footer: { text: 'Best grocery deals on WhatsApp!' },
			action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: '2lc20305pt' } },
		});
		expect(buildCatalogMessage({ to, body: 'Browse' }).interactive.action).toEqual({ name: 'catalog_message' });
		expectValidationError(() => buildCatalogMessage({ to, body: '' }), 'body');
	});
});
