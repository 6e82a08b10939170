import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { ProductSectionInput } from '../../../shared/whatsapp/messages';
import { jsonListParameter } from './jsonFields';

/** Fields of Send Products, by kind (Meta: Share products). */

const single = { productMessageType: ['product'] };
const multi = { productMessageType: ['productList'] };
const catalog = { productMessageType: ['catalog'] };

export const productFields: INodeProperties[] = [
	{
		displayName: 'Kind',
		name: 'productMessageType',
		type: 'options',
		options: [
			{ name: 'Catalog', value: 'catalog', description: 'Your whole catalog behind a View catalog button' },
			{ name: 'Multiple Products', value: 'productList', description: 'Up to 30 products in up to 10 sections' },
			{ name: 'Single Product', value: 'product', description: 'One product with its image, price and an add-to-cart button' },
		],
		default: 'product',
		description: 'Product messages are session messages: they reach the customer only within 24 hours of their last message',
	},
	{
		displayName: 'Catalog ID',
		name: 'catalogId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '194836987003835',
		description: 'The catalog connected to your WhatsApp Business Account (Commerce Manager › Catalog › Settings)',
		displayOptions: { show: { productMessageType: ['product', 'productList'] } },
	},
	{
		displayName: 'Product Retailer ID',
		name: 'productRetailerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2lc20305pt',
		description: "The product's retailer ID (Content ID in Commerce Manager)",
		displayOptions: { show: single },
	},
	{
		displayName: 'Header Text',
		name: 'productHeaderText',
		type: 'string',
		required: true,
		default: '',
		description: 'Bold line above the products, up to 60 characters',
		displayOptions: { show: multi },
	},
	{
		displayName: 'Message Text',
		name: 'bodyText',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		description: 'Optional text with the product, up to 1024 characters',
		displayOptions: { show: single },
	},
	{
		displayName: 'Message Text',
		name: 'bodyText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		description: 'Up to 1024 characters',
		displayOptions: { show: { productMessageType: ['productList', 'catalog'] } },
	},
	{
		displayName: 'Define Sections',
		name: 'productSectionsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
		displayOptions: { show: multi },
	},
	{
		displayName: 'Sections',
		name: 'productSections',
		type: 'fixedCollection',
		placeholder: 'Add Section',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Up to 10 sections and 30 products in all. A section title is needed once there are two sections or more.',
		displayOptions: { show: { ...multi, productSectionsInput: ['fields'] } },
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Section heading, up to 24 characters' },
					{
						displayName: 'Product Retailer IDs',
						name: 'productRetailerIds',
						type: 'string',
						default: '',
						placeholder: 'di9ozbzfi4, 2lc20305pt',
						description: 'Retailer IDs of the products in this section, separated by commas (or a list from an expression)',
					},
				],
			},
		],
	},
	{
		displayName: 'Sections (JSON)',
		name: 'productSectionsJson',
		type: 'json',
		required: true,
		default: '[\n  {\n    "title": "Succulents",\n    "product_items": [\n      { "product_retailer_id": "di9ozbzfi4" },\n      { "product_retailer_id": "2lc20305pt" }\n    ]\n  }\n]',
		description: "Meta's sections array: each section has a title and product_items with a product_retailer_id. Handy for products chosen by an expression.",
		displayOptions: { show: { ...multi, productSectionsInput: ['json'] } },
	},
	{
		displayName: 'Thumbnail Product Retailer ID',
		name: 'thumbnailProductRetailerId',
		type: 'string',
		default: '',
		placeholder: '2lc20305pt',
		description: "The product whose image heads the message. Empty: the catalog's first product.",
		displayOptions: { show: catalog },
	},
	{
		displayName: 'Footer',
		name: 'footerText',
		type: 'string',
		default: '',
		description: 'Optional small grey line under the message, up to 60 characters',
	},
];

const idsOf = (value: unknown): string[] =>
	(Array.isArray(value) ? value : String(value ?? '').split(',')).map((id) => String(id ?? '').trim()).filter((id) => id !== '');

/** The multi-product sections from the fields or from Meta's JSON shape. */
export function readProductSections(this: IExecuteFunctions, i: number): ProductSectionInput[] {
	if (this.getNodeParameter('productSectionsInput', i, 'fields') === 'json') {
		const example = '[{"title": "Succulents", "product_items": [{"product_retailer_id": "di9ozbzfi4"}]}]';
		return jsonListParameter.call(this, 'productSectionsJson', i, 'Sections (JSON)', example).map((raw, index) => {
			const section = raw as { title?: string; product_items?: unknown };
			if (!Array.isArray(section.product_items)) {
				throw new NodeOperationError(this.getNode(), `Section ${index + 1} of Sections (JSON) has no product_items list.`, {
					description: `Use the shape ${example} (field: productSectionsJson)`,
					itemIndex: i,
				});
			}
			return { title: section.title, productRetailerIds: section.product_items.map((item) => String((item as { product_retailer_id?: unknown })?.product_retailer_id ?? '')) };
		});
	}
	const sections = this.getNodeParameter('productSections.section', i, []) as Array<{ title?: string; productRetailerIds?: unknown }>;
	return sections.map((section) => ({ title: section.title, productRetailerIds: idsOf(section.productRetailerIds) }));
}
