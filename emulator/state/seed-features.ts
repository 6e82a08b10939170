/**
 * Seed for FeatureState: the Lucky Shrub WABA's settings, six Flows (one per lifecycle state that
 * matters when sending) and its connected catalog. The catalog ID and the `di9ozbzfi4` / `2lc20305pt`
 * items are the ones in Meta's own examples ("Share products", order webhooks).
 */
import { SEED } from '../seed';
import { FeatureState, type CatalogProduct, type FlowRecord, type FlowStatus } from './features';

export const SEED_CATALOG_ID = '194836987003835';

const flow = (id: string, name: string, status: FlowStatus, categories: string[], screens: string[]): FlowRecord => ({
	id, wabaId: SEED.wabaId, name, status, categories, validation_errors: [], json_version: '7.0', screens,
});

export const SEED_FLOWS: readonly FlowRecord[] = [
	flow('1189466095612001', 'appointment_booking', 'PUBLISHED', ['APPOINTMENT_BOOKING'], ['APPOINTMENT', 'DETAILS', 'SUMMARY']),
	flow('1189466095612002', 'lead_signup', 'PUBLISHED', ['SIGN_UP', 'LEAD_GENERATION'], ['SIGN_UP', 'THANK_YOU']),
	flow('1189466095612003', 'customer_feedback', 'DRAFT', ['SURVEY'], ['RATE', 'COMMENT']),
	flow('1189466095612004', 'quote_request_2024', 'DEPRECATED', ['LEAD_GENERATION'], ['QUOTE']),
	flow('1189466095612005', 'gift_card_claim', 'BLOCKED', ['OTHER'], ['CLAIM']),
	flow('1189466095612006', 'store_survey', 'THROTTLED', ['SURVEY'], ['QUESTION_ONE']),
];

const product = (retailer_id: string, name: string, price: string, availability: CatalogProduct['availability'] = 'in stock'): CatalogProduct => ({
	retailer_id, name, price, currency: 'USD', availability,
});

export const SEED_PRODUCTS: readonly CatalogProduct[] = [
	product('di9ozbzfi4', 'Aloe Vera', '7.99'),
	product('2lc20305pt', 'Golden Barrel Cactus', '14.99'),
	product('echeveria_elegans', 'Echeveria Elegans', '9.50'),
	product('jade_plant', 'Jade Plant', '19.00'),
	product('snake_plant', 'Snake Plant', '24.99'),
	product('string_of_pearls', 'String of Pearls', '12.00', 'out of stock'),
];

export function seedFeatureState(): FeatureState {
	const features = new FeatureState();
	features.wabas.set(SEED.wabaId, { insightsEnabled: false, insightsAvailable: true, marketingMessagesOnboardingStatus: 'ONBOARDED', messageActivitySharing: true });
	for (const record of SEED_FLOWS) features.flows.set(record.id, { ...record, categories: [...record.categories], screens: [...record.screens] });
	features.catalogs.set(SEED_CATALOG_ID, {
		id: SEED_CATALOG_ID,
		wabaId: SEED.wabaId,
		name: 'Lucky Shrub Catalog',
		connected: true,
		products: new Map(SEED_PRODUCTS.map((item) => [item.retailer_id, { ...item }])),
	});
	return features;
}
