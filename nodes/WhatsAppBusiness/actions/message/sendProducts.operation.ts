import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildCatalogMessage, buildProductListMessage, buildProductMessage, type CommonMessageOptions } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { sendMessage } from '../../transport/messages';
import { productFields, readProductSections } from './productFields';

const properties: INodeProperties[] = [recipientField, ...productFields, messagingOptions];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendProducts'] } }, properties);

type Kind = 'product' | 'productList' | 'catalog';

/** Meta's Share products page: one product, several products in sections, or the whole catalog. */
export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const kind = this.getNodeParameter('productMessageType', i) as Kind;
	const common: CommonMessageOptions & { body: string; footer: string } = {
		...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions),
		to: this.getNodeParameter('to', i) as string,
		body: this.getNodeParameter('bodyText', i, '') as string,
		footer: this.getNodeParameter('footerText', i, '') as string,
	};
	let body;
	switch (kind) {
		case 'product':
			body = buildProductMessage({ ...common, catalogId: this.getNodeParameter('catalogId', i) as string, productRetailerId: this.getNodeParameter('productRetailerId', i) as string });
			break;
		case 'productList':
			body = buildProductListMessage({
				...common,
				catalogId: this.getNodeParameter('catalogId', i) as string,
				headerText: this.getNodeParameter('productHeaderText', i) as string,
				sections: readProductSections.call(this, i),
			});
			break;
		case 'catalog':
			body = buildCatalogMessage({ ...common, thumbnailProductRetailerId: this.getNodeParameter('thumbnailProductRetailerId', i, '') as string });
			break;
		default:
			throw new NodeOperationError(this.getNode(), `The product message kind "${String(kind)}" is not supported`, { itemIndex: i });
	}
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			return [{ json: { ...result, interactiveType: body.interactive.type, productRetailerIds: productIdsOf(body.interactive) } }];
		},
	};
}

function productIdsOf(interactive: { type: string; action: object }): string[] {
	const action = interactive.action as { product_retailer_id?: string; sections?: Array<{ product_items: Array<{ product_retailer_id: string }> }>; parameters?: { thumbnail_product_retailer_id?: string } };
	if (action.product_retailer_id) return [action.product_retailer_id];
	if (action.sections) return action.sections.flatMap((section) => section.product_items.map((item) => item.product_retailer_id));
	return action.parameters?.thumbnail_product_retailer_id ? [action.parameters.thumbnail_product_retailer_id] : [];
}
