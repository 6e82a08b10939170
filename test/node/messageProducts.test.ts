/** Send Products against the emulator's connected catalog (Meta: Share products). */
import type { INodeParameters } from 'n8n-workflow';
import { SEED_CATALOG_ID } from '../../emulator';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const products = (extra: INodeParameters): INodeParameters => ({ resource: 'message', operation: 'sendProducts', to: '+16505551234', catalogId: SEED_CATALOG_ID, ...extra });

async function sentInteractive() {
	const sent = await bed.accepted('/messages');
	expect(sent).toHaveLength(1);
	return (sent[0].body as { interactive: unknown }).interactive;
}

describe('Message › Send Products', () => {
	test('a single product from the catalog, with text and footer', async () => {
		const result = await bed.run(products({ productMessageType: 'product', productRetailerId: '2lc20305pt', bodyText: 'Back in stock!', footerText: 'Lucky Shrub' }));
		expect(await sentInteractive()).toEqual({
			type: 'product',
			body: { text: 'Back in stock!' },
			footer: { text: 'Lucky Shrub' },
			action: { catalog_id: SEED_CATALOG_ID, product_retailer_id: '2lc20305pt' },
		});
		expect(result.items[0].json).toMatchObject({ waId: CUSTOMER_WA_ID, interactiveType: 'product', productRetailerIds: ['2lc20305pt'] });
		expect(String(result.items[0].json.messageId)).toMatch(/^wamid\./);
	});

	test('several products in titled sections, from the fields (comma lists) or from an expression list', async () => {
		await bed.run(
			products({
				productMessageType: 'productList',
				productHeaderText: 'Our succulents',
				bodyText: 'Pick yours',
				productSections: { section: [{ title: 'Small', productRetailerIds: 'di9ozbzfi4, jade_plant' }, { title: 'Large', productRetailerIds: '={{ $json.large }}' }] },
			}),
			[{ json: { large: ['snake_plant', 'echeveria_elegans'] } }],
		);
		expect(await sentInteractive()).toEqual({
			type: 'product_list',
			header: { type: 'text', text: 'Our succulents' },
			body: { text: 'Pick yours' },
			action: {
				catalog_id: SEED_CATALOG_ID,
				sections: [
					{ title: 'Small', product_items: [{ product_retailer_id: 'di9ozbzfi4' }, { product_retailer_id: 'jade_plant' }] },
					{ title: 'Large', product_items: [{ product_retailer_id: 'snake_plant' }, { product_retailer_id: 'echeveria_elegans' }] },
				],
			},
		});
	});

	test("sections given in Meta's JSON shape are sent as given", async () => {
		const sections = [{ title: 'Cacti', product_items: [{ product_retailer_id: '2lc20305pt' }] }];
		const result = await bed.run(products({ productMessageType: 'productList', productHeaderText: 'Cacti', bodyText: 'One for you', productSectionsInput: 'json', productSectionsJson: JSON.stringify(sections) }));
		expect(((await sentInteractive()) as { action: { sections: unknown } }).action.sections).toEqual(sections);
		expect(result.items[0].json.productRetailerIds).toEqual(['2lc20305pt']);
	});

	test("Meta's limits are checked before sending: 31 products is refused with no request made", async () => {
		const ids = Array.from({ length: 31 }, (_, index) => `p${index}`).join(',');
		await expect(bed.run(products({ productMessageType: 'productList', productHeaderText: 'H', bodyText: 'B', productSections: { section: [{ productRetailerIds: ids }] } }))).rejects.toThrow(/31 products.*at most 30/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('the whole catalog with a thumbnail product; products unknown to the catalog are refused by WhatsApp with advice', async () => {
		await bed.run(products({ productMessageType: 'catalog', bodyText: 'Browse our plants', thumbnailProductRetailerId: 'jade_plant' }));
		expect(await sentInteractive()).toEqual({ type: 'catalog_message', body: { text: 'Browse our plants' }, action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: 'jade_plant' } } });
		const unknown = await bed.run(products({ productMessageType: 'product', productRetailerId: 'plastic_flamingo' }), undefined, { continueOnFail: true });
		expect(unknown.items[0].json.error).toMatchObject({ code: 131009, retryable: false });
		expect(JSON.stringify(unknown.items[0].json.error)).toMatch(/may not be in the catalog connected to this number/);
	});
});
