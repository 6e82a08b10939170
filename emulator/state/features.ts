/**
 * Account state behind the insights, Marketing Messages, Flows, catalog, block-list and
 * business-scoped-user-ID endpoints: per-WABA settings, the WABA's Flows and connected catalog,
 * each phone number's block list, URL-button clicks and the BSUID ↔ wa_id register.
 * Seeded by seed-features.ts; POST /__emulator/reset returns to the seed.
 */
import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A business-scoped user ID: ISO country code, a period, letters and digits; 256 characters at most. */
export const BSUID_PATTERN = /^[A-Z]{2}\.[A-Za-z0-9]{1,253}$/;

/** Flow lifecycle states (Meta's Lifecycle of a Flow page). */
export type FlowStatus = 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'BLOCKED' | 'THROTTLED';

/** A Flow as GET /{waba-id}/flows and GET /{flow-id} return it, plus the IDs of its entry screens. */
export interface FlowRecord {
	id: string;
	wabaId: string;
	name: string;
	status: FlowStatus;
	categories: string[];
	validation_errors: unknown[];
	json_version: string;
	/** Screen IDs a message may open first (flow_action_payload.screen). */
	screens: string[];
}

/** One catalog item, keyed by its retailer ID (Commerce Manager's "Content ID"). */
export interface CatalogProduct {
	retailer_id: string;
	name: string;
	/** Decimal string in `currency`, e.g. "7.99". */
	price: string;
	currency: string;
	availability: 'in stock' | 'out of stock';
}

/** The ecommerce catalog connected to a WABA ("Upload inventory" / "Share products" pages). */
export interface CatalogRecord {
	id: string;
	wabaId: string;
	name: string;
	/** false = the catalog is not connected to the WABA, so product and catalog messages fail. */
	connected: boolean;
	products: Map<string, CatalogProduct>;
}

/**
 * marketing_messages_onboarding_status values ("Marketing Messages API onboarding" page names
 * ELIGIBLE and ONBOARDED; the others are the emulator's words for states that cannot send).
 */
export const ONBOARDING_STATUSES = ['ONBOARDED', 'ELIGIBLE', 'NOT_ELIGIBLE', 'PENDING'] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

export interface WabaSettings {
	/** is_enabled_for_insights: template analytics confirmed (once on, it stays on). */
	insightsEnabled: boolean;
	/** false = Meta cannot enable insights for this account yet (error 200005). */
	insightsAvailable: boolean;
	marketingMessagesOnboardingStatus: OnboardingStatus;
	/** The WABA-level default for message_activity_sharing on /marketing_messages. */
	messageActivitySharing: boolean;
}

export interface BlockedUser {
	waId: string;
	/** What the business sent as `user` (phone number with +, spaces … or wa_id). */
	input: string;
	blockedAt: number;
}

/** A tap on a template URL button, recorded through POST /__emulator/clicks. */
export interface ButtonClick {
	messageId: string;
	templateId: string;
	buttonIndex: number;
	buttonText: string;
	waId: string;
	/** Unix seconds. */
	at: number;
}

export class FeatureState {
	wabas = new Map<string, WabaSettings>();
	flows = new Map<string, FlowRecord>();
	catalogs = new Map<string, CatalogRecord>();
	/** Phone-number ID → blocked users by wa_id, in blocking order. */
	blocked = new Map<string, Map<string, BlockedUser>>();
	clicks: ButtonClick[] = [];
	/** BSUID → wa_id and back ("Business-scoped user IDs" page). */
	private readonly waIdByUserId = new Map<string, string>();
	private readonly userIdByWaId = new Map<string, string>();

	settingsOf(wabaId: string): WabaSettings {
		let settings = this.wabas.get(wabaId);
		if (!settings) {
			settings = { insightsEnabled: false, insightsAvailable: true, marketingMessagesOnboardingStatus: 'ELIGIBLE', messageActivitySharing: true };
			this.wabas.set(wabaId, settings);
		}
		return settings;
	}

	flowsOf(wabaId: string): FlowRecord[] {
		return [...this.flows.values()].filter((flow) => flow.wabaId === wabaId);
	}

	/** The catalog connected to the WABA, if any. */
	catalogOf(wabaId: string): CatalogRecord | undefined {
		return [...this.catalogs.values()].find((catalog) => catalog.wabaId === wabaId && catalog.connected);
	}

	blockListOf(phoneNumberId: string): Map<string, BlockedUser> {
		let list = this.blocked.get(phoneNumberId);
		if (!list) {
			list = new Map();
			this.blocked.set(phoneNumberId, list);
		}
		return list;
	}

	isBlocked(phoneNumberId: string, waId: string): boolean {
		return this.blocked.get(phoneNumberId)?.has(waId) ?? false;
	}

	/**
	 * The user's BSUID, registered on first use. Shape as partners document it: the user's ISO
	 * country code, a period, then 20 digits (e.g. "US.13491208655302741918"); derived from the
	 * wa_id so it is stable across resets.
	 */
	userIdOf(waId: string): string {
		const known = this.userIdByWaId.get(waId);
		if (known) return known;
		const country = parsePhoneNumberFromString(`+${waId}`)?.country ?? 'ZZ';
		const digits = BigInt(`0x${createHash('sha256').update(`bsuid:${waId}`).digest('hex').slice(0, 16)}`).toString().padStart(20, '0').slice(0, 20);
		const userId = `${country}.${digits}`;
		this.registerUserId(waId, userId);
		return userId;
	}

	registerUserId(waId: string, userId: string): void {
		const previous = this.userIdByWaId.get(waId);
		if (previous) this.waIdByUserId.delete(previous);
		this.userIdByWaId.set(waId, userId);
		this.waIdByUserId.set(userId, waId);
	}

	waIdOfUserId(userId: string): string | undefined {
		return this.waIdByUserId.get(userId);
	}

	users(): Array<{ wa_id: string; user_id: string }> {
		return [...this.userIdByWaId].map(([waId, userId]) => ({ wa_id: waId, user_id: userId }));
	}
}
