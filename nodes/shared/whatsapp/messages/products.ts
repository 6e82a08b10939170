import {
	INTERACTIVE_BODY_MAX,
	INTERACTIVE_HEADER_TEXT_MAX,
	PRODUCT_ITEMS_TOTAL_MAX,
	PRODUCT_SECTION_TITLE_MAX,
	PRODUCT_SECTIONS_MAX,
} from './limits';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, NO_LENGTH_LIMIT, optionalText, requireId, requireText, type CommonMessageOptions } from './common';
import { buildFooter, firstDuplicate, withOptionalParts } from './interactiveParts';
import type { CatalogMessageInteractive, InteractiveMessageBody, ProductInteractive, ProductListInteractive } from './types';

/**
 * Catalog messages of Meta's Share products page: one product, a list of products in sections, or
 * the whole catalog. Products are named by their retailer ID (the "Content ID" in Commerce
 * Manager); the catalog ID is the catalog connected to the WhatsApp Business Account.
 */

const CATALOG_ID_FIX = 'Enter the ID of the catalog connected to your WhatsApp Business Account (Commerce Manager › Catalog › Settings), e.g. 194836987003835.';

function catalogId(value: string | undefined): string {
	const id = requireId(value, 'catalogId', 'The catalog ID', CATALOG_ID_FIX);
	if (!/^\d+$/.test(id)) throw new WhatsAppValidationError(`"${id}" is not a catalog ID.`, 'catalogId', CATALOG_ID_FIX);
	return id;
}

const retailerId = (value: string | undefined, field: string, label: string) =>
	requireId(value, field, label, "Enter the product's retailer ID (Content ID in Commerce Manager), e.g. 2lc20305pt.");

export interface ProductMessageInput extends CommonMessageOptions {
	catalogId: string;
	productRetailerId: string;
	/** Optional text above the product card. */
	body?: string;
	footer?: string;
}

/** Meta's Share products page: single-product message (no header; body and footer optional). */
export function buildProductMessage(input: ProductMessageInput): InteractiveMessageBody<ProductInteractive> {
	const body = optionalText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text');
	const interactive = withOptionalParts<ProductInteractive>(
		{ type: 'product', action: { catalog_id: catalogId(input.catalogId), product_retailer_id: retailerId(input.productRetailerId, 'productRetailerId', 'The product retailer ID') } },
		{ body: body === undefined ? undefined : { text: body }, footer: buildFooter(input.footer) },
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}

export interface ProductSectionInput {
	/** Required when there is more than one section. */
	title?: string;
	/** Retailer IDs, in the order shown. */
	productRetailerIds: string[];
}

export interface ProductListMessageInput extends CommonMessageOptions {
	catalogId: string;
	headerText: string;
	body: string;
	footer?: string;
	sections: ProductSectionInput[];
}

/**
 * Meta's Share products page and the vendored OpenAPI SectionObject: 1–10 sections, titled (≤ 24
 * characters) when there are several, each with products, 30 products in all. A product listed
 * twice is refused here: the customer would see it twice.
 */
function buildProductSections(sections: ProductSectionInput[]): ProductListInteractive['action']['sections'] {
	const count = Array.isArray(sections) ? sections.length : 0;
	if (count < 1 || count > PRODUCT_SECTIONS_MAX) {
		throw new WhatsAppValidationError(
			`${count} product sections were given; WhatsApp allows 1 to ${PRODUCT_SECTIONS_MAX}.`,
			'sections',
			count === 0 ? 'Add a section with at least one product retailer ID.' : `Merge sections so there are ${PRODUCT_SECTIONS_MAX} or fewer.`,
		);
	}
	const built = sections.map((section, index) => {
		const field = `sections[${index}]`;
		const label = `Section ${index + 1}`;
		const title = count > 1
			? requireText(section?.title, PRODUCT_SECTION_TITLE_MAX, `${field}.title`, `${label} title`)
			: optionalText(section?.title, PRODUCT_SECTION_TITLE_MAX, `${field}.title`, `${label} title`);
		const ids = Array.isArray(section?.productRetailerIds) ? section.productRetailerIds : [];
		if (ids.length === 0) {
			throw new WhatsAppValidationError(`${label} has no products.`, `${field}.productRetailerIds`, `Add at least one product retailer ID to ${label.toLowerCase()}, or remove the section.`);
		}
		const product_items = ids.map((id, item) => ({ product_retailer_id: retailerId(id, `${field}.productRetailerIds[${item}]`, `${label}, product ${item + 1}`) }));
		return title === undefined ? { product_items } : { title, product_items };
	});
	const all = built.flatMap((section) => section.product_items.map((item) => item.product_retailer_id));
	if (all.length > PRODUCT_ITEMS_TOTAL_MAX) {
		throw new WhatsAppValidationError(
			`The message lists ${all.length} products; WhatsApp shows at most ${PRODUCT_ITEMS_TOTAL_MAX} across all sections.`,
			'sections',
			`Remove products until there are ${PRODUCT_ITEMS_TOTAL_MAX} or fewer in total.`,
		);
	}
	const twice = firstDuplicate(all);
	if (twice) {
		throw new WhatsAppValidationError(`The product "${twice.value}" is listed twice.`, 'sections', 'List each product once.');
	}
	return built;
}

/** Meta's Share products page: multi-product message (text header and body required). */
export function buildProductListMessage(input: ProductListMessageInput): InteractiveMessageBody<ProductListInteractive> {
	const interactive = withOptionalParts<ProductListInteractive>(
		{
			type: 'product_list',
			header: { type: 'text', text: requireText(input.headerText, INTERACTIVE_HEADER_TEXT_MAX, 'headerText', 'The header text') },
			body: { text: requireText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text') },
			action: { catalog_id: catalogId(input.catalogId), sections: buildProductSections(input.sections) },
		},
		{ footer: buildFooter(input.footer) },
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}

export interface CatalogMessageInput extends CommonMessageOptions {
	body: string;
	footer?: string;
	/** The product whose image heads the message; empty: the catalog's first product. */
	thumbnailProductRetailerId?: string;
}

/** Meta's Share products page: catalog message (a View catalog button; `parameters` only with a thumbnail). */
export function buildCatalogMessage(input: CatalogMessageInput): InteractiveMessageBody<CatalogMessageInteractive> {
	const thumbnail = optionalText(input.thumbnailProductRetailerId, NO_LENGTH_LIMIT, 'thumbnailProductRetailerId', 'The thumbnail product');
	const interactive = withOptionalParts<CatalogMessageInteractive>(
		{
			type: 'catalog_message',
			body: { text: requireText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text') },
			action: { name: 'catalog_message', ...(thumbnail === undefined ? {} : { parameters: { thumbnail_product_retailer_id: thumbnail.trim() } }) },
		},
		{ footer: buildFooter(input.footer) },
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}
