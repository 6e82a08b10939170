/**
 * The emulator's per-message rate card (USD per delivered billable message), used for the `cost`
 * figures of pricing, conversation and template analytics. The values are in the range of Meta's
 * published per-message prices ("Pricing" page, rate cards by market) but are the emulator's own
 * fixed numbers, not Meta's current prices. Markets not listed use OTHER. Free messages
 * (free_customer_service, service) cost 0; marketing_lite costs the marketing rate.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type RatedCategory = 'marketing' | 'utility' | 'authentication' | 'authentication_international';

export const RATE_CARD: Readonly<Record<string, Readonly<Record<RatedCategory, number>>>> = {
	US: { marketing: 0.025, utility: 0.004, authentication: 0.004, authentication_international: 0.004 },
	BR: { marketing: 0.0625, utility: 0.0068, authentication: 0.0068, authentication_international: 0.0068 },
	IN: { marketing: 0.0118, utility: 0.0014, authentication: 0.0014, authentication_international: 0.028 },
	GB: { marketing: 0.0529, utility: 0.022, authentication: 0.0358, authentication_international: 0.0358 },
	DE: { marketing: 0.1365, utility: 0.055, authentication: 0.0768, authentication_international: 0.0768 },
	MX: { marketing: 0.0305, utility: 0.0085, authentication: 0.0239, authentication_international: 0.0239 },
	OTHER: { marketing: 0.0604, utility: 0.0077, authentication: 0.0171, authentication_international: 0.0171 },
};

/** ISO 3166 country of a wa_id ("ZZ" when the number cannot be placed). */
export function countryOf(waId: string): string {
	return parsePhoneNumberFromString(`+${waId}`)?.country ?? 'ZZ';
}

/** USD for one delivered message of this pricing category to this country; 0 when not billable. */
export function rateOf(country: string, category: string, billable: boolean): number {
	if (!billable) return 0;
	const rates = RATE_CARD[country] ?? RATE_CARD.OTHER;
	const rated = (category === 'marketing_lite' ? 'marketing' : category) as RatedCategory;
	return rates[rated] ?? 0;
}

/** Money sums without binary-fraction noise: 6 decimal places. */
export function roundMoney(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}
