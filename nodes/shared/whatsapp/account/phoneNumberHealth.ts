/**
 * A phone number's state in plain words (Meta: Phone numbers, Throughput, Messaging limits): quality, status, messaging
 * limit and throughput, from the Graph phone-number object.
 */

/** The Meta's Phone numbers page: object as Graph returns it (every field optional: only requested ones come back). */
export interface GraphPhoneNumber {
	id?: string;
	display_phone_number?: string;
	verified_name?: string;
	status?: string;
	quality_rating?: string;
	name_status?: string;
	code_verification_status?: string;
	platform_type?: string;
	throughput?: { level?: string };
	whatsapp_business_manager_messaging_limit?: string;
	/** Deprecated (Meta: Phone numbers); read only when the new field is missing. */
	messaging_limit_tier?: string;
	account_mode?: string;
}

export interface PhoneNumberHealth {
	phoneNumberId?: string;
	displayPhoneNumber?: string;
	verifiedName?: string;
	status?: string;
	qualityRating?: string;
	nameStatus?: string;
	codeVerificationStatus?: string;
	platformType?: string;
	throughputLevel?: string;
	/** The tier as Meta names it, e.g. TIER_2K */
	messagingLimitTier?: string;
	/** Unique customers reachable outside the service window per 24 h; null = unlimited */
	messagingLimit?: number | null;
	/** Messages per second, when the level is known */
	messagesPerSecond?: number;
	healthy: boolean;
	/** Why the number is not healthy, in plain words (empty when healthy) */
	issues: string[];
	summary: string;
}

/** Meta's Phone numbers page: STANDARD is 80 mps; HIGH (1,000 mps) comes from SDK docs, not confirmed by Meta. */
const THROUGHPUT: Record<string, number> = { STANDARD: 80, HIGH: 1000 };

/**
 * Messages per second of a number's `throughput.level` (Meta: Throughput, Phone numbers: STANDARD
 * 80, HIGH 1,000); undefined for other levels (e.g. NOT_APPLICABLE).
 */
export function messagesPerSecondOfLevel(level: string | undefined): number | undefined {
	return level ? THROUGHPUT[level.toUpperCase()] : undefined;
}

/** "TIER_2K" → 2000, "TIER_UNLIMITED" → null; undefined when the tier is not recognised. */
export function messagingLimitOfTier(tier: string | undefined): number | null | undefined {
	if (!tier) return undefined;
	if (/^TIER_UNLIMITED$/i.test(tier)) return null;
	const match = /^TIER_(\d+)(K)?$/i.exec(tier);
	if (!match) return undefined;
	return Number(match[1]) * (match[2] ? 1000 : 1);
}

const thousands = (value: number) => value.toLocaleString('en-US');

function limitText(tier: string | undefined, limit: number | null | undefined): string | undefined {
	if (limit === null) return 'no limit on unique customers per 24 h';
	if (limit !== undefined) return `can reach ${thousands(limit)} unique customers per 24 h`;
	return tier ? `messaging limit ${tier}` : undefined;
}

function issuesOf(phone: GraphPhoneNumber): string[] {
	const issues: string[] = [];
	const status = phone.status?.toUpperCase();
	// Meta's Phone numbers page: CONNECTED is required to send.
	if (status && status !== 'CONNECTED') issues.push(`Status is ${status}: the number must be CONNECTED to send; check it in WhatsApp Manager.`);
	if (phone.quality_rating?.toUpperCase() === 'RED') {
		issues.push('Quality is RED: customers block or report recent messages; send fewer, more relevant messages before volumes rise.');
	}
	const nameStatus = phone.name_status?.toUpperCase();
	if (nameStatus === 'DECLINED' || nameStatus === 'EXPIRED') issues.push(`Display name is ${nameStatus}: submit a new display name in WhatsApp Manager.`);
	return issues;
}

export function describePhoneNumberHealth(phone: GraphPhoneNumber): PhoneNumberHealth {
	const tier = phone.whatsapp_business_manager_messaging_limit ?? phone.messaging_limit_tier;
	const messagingLimit = messagingLimitOfTier(tier);
	const throughputLevel = phone.throughput?.level;
	const messagesPerSecond = messagesPerSecondOfLevel(throughputLevel);
	const issues = issuesOf(phone);
	const status = phone.status?.toUpperCase();
	const parts = [
		status && status !== 'CONNECTED' ? `Status ${status}` : undefined,
		phone.quality_rating ? `Quality ${phone.quality_rating}` : undefined,
		limitText(tier, messagingLimit),
		messagesPerSecond ? `${thousands(messagesPerSecond)} messages/second` : throughputLevel ? `throughput ${throughputLevel}` : undefined,
	].filter((part): part is string => Boolean(part));
	const health: PhoneNumberHealth = {
		phoneNumberId: phone.id,
		displayPhoneNumber: phone.display_phone_number,
		verifiedName: phone.verified_name,
		status: phone.status,
		qualityRating: phone.quality_rating,
		nameStatus: phone.name_status,
		codeVerificationStatus: phone.code_verification_status,
		platformType: phone.platform_type,
		throughputLevel,
		messagingLimitTier: tier,
		messagingLimit,
		messagesPerSecond,
		healthy: issues.length === 0,
		issues,
		summary: parts.join(' · ') || 'No health fields were returned',
	};
	for (const key of Object.keys(health) as Array<keyof PhoneNumberHealth>) if (health[key] === undefined) delete health[key];
	return health;
}
