/**
 * Everything the Zoho fake stores: users, records per product and module (with a lagging search
 * index each), notes, OAuth grants (refresh tokens), access tokens and authorization codes.
 */
import { SearchIndex } from '../common/search-index';
import { IdSequence } from '../common/util';
import type { ZohoFakeConfig } from './config';
import { moduleFields, MODULES, type ZohoField } from './fields';
import { ZOHO_SEED, type ZohoProduct, type ZohoSeedRecord, type ZohoSeedUser } from './seed';

export interface ZohoRecord {
	id: string;
	product: ZohoProduct;
	module: string;
	/** Field values by API name; `Owner` is kept as `ownerId`. */
	fields: Record<string, unknown>;
	ownerId: string;
	createdBy: string;
	modifiedBy: string;
	createdAt: number;
	modifiedAt: number;
}

export interface ZohoNote {
	id: string;
	product: ZohoProduct;
	title: string | null;
	content: string;
	parentModule: string;
	parentId: string;
	ownerId: string;
	createdAt: number;
}

/** A refresh token and what it grants. */
export interface ZohoGrant {
	refreshToken: string;
	clientId: string;
	scopes: string[];
	revoked: boolean;
	/** When access tokens were minted from it (for the per-10-minutes limit). */
	mintedAt: number[];
}

export interface ZohoAccessToken {
	token: string;
	refreshToken: string;
	scopes: string[];
	expiresAt: number;
	revoked: boolean;
}

export interface ZohoAuthCode {
	code: string;
	clientId: string;
	scopes: string[];
	offline: boolean;
	expiresAt: number;
	used: boolean;
}

type ModuleKey = `${ZohoProduct}.${string}`;

export class ZohoState {
	users: Record<ZohoProduct, ZohoSeedUser[]> = { crm: [], bigin: [] };
	readonly records = new Map<ModuleKey, Map<string, ZohoRecord>>();
	readonly indexes = new Map<ModuleKey, SearchIndex<ZohoRecord>>();
	readonly notes: Record<ZohoProduct, Map<string, ZohoNote>> = { crm: new Map(), bigin: new Map() };
	readonly grants = new Map<string, ZohoGrant>();
	readonly accessTokens = new Map<string, ZohoAccessToken>();
	readonly codes = new Map<string, ZohoAuthCode>();
	private readonly ids: Record<ZohoProduct, IdSequence> = { crm: new IdSequence('5725767000000', 600001), bigin: new IdSequence('4876876000000', 600001) };
	private readonly tokens = new IdSequence('', 1);

	constructor(
		readonly clock: () => number,
		readonly config: ZohoFakeConfig,
	) {
		this.reset();
	}

	reset(): void {
		this.users = { crm: ZOHO_SEED.crm.users.map((user) => ({ ...user })), bigin: ZOHO_SEED.bigin.users.map((user) => ({ ...user })) };
		for (const map of [this.records, this.indexes, this.grants, this.accessTokens, this.codes]) map.clear();
		this.notes.crm.clear();
		this.notes.bigin.clear();
		this.ids.crm.reset();
		this.ids.bigin.reset();
		this.tokens.reset();
		for (const product of ['crm', 'bigin'] as const) {
			for (const module of MODULES[product]) {
				this.records.set(`${product}.${module}`, new Map());
				this.indexes.set(`${product}.${module}`, new SearchIndex(this.clock, () => this.config.searchLagMs));
			}
		}
		this.seedRecords('crm', 'Leads', ZOHO_SEED.crm.leads);
		this.seedRecords('crm', 'Contacts', ZOHO_SEED.crm.contacts);
		this.seedRecords('bigin', 'Contacts', ZOHO_SEED.bigin.contacts);
		const scopes = ZOHO_SEED.scopes;
		for (const name of ['all', 'crm', 'bigin', 'crmReadOnly'] as const) {
			const grant = this.grant(ZOHO_SEED.clientId, [...scopes[name]], ZOHO_SEED.refreshTokens[name]);
			this.mintAccessToken(grant, ZOHO_SEED.accessTokens[name]);
		}
		// Seeded records are searchable from the start.
		for (const index of this.indexes.values()) index.flush();
	}

	isModule(product: ZohoProduct, module: string): boolean {
		return this.records.has(`${product}.${module}`);
	}

	fields(product: ZohoProduct, module: string): ZohoField[] {
		return moduleFields(product, module, this.config.whatsAppFields);
	}

	store(product: ZohoProduct, module: string): Map<string, ZohoRecord> {
		return this.records.get(`${product}.${module}`)!;
	}

	index(product: ZohoProduct, module: string): SearchIndex<ZohoRecord> {
		return this.indexes.get(`${product}.${module}`)!;
	}

	nextId(product: ZohoProduct): string {
		return this.ids[product].take();
	}

	user(product: ZohoProduct, id: unknown): ZohoSeedUser | undefined {
		return this.users[product].find((user) => user.id === String(id));
	}

	/** A new refresh token (random unless given). */
	grant(clientId: string, scopes: string[], refreshToken?: string): ZohoGrant {
		const grant: ZohoGrant = { refreshToken: refreshToken ?? `1000.${this.randomPart()}.${this.randomPart()}`, clientId, scopes, revoked: false, mintedAt: [] };
		this.grants.set(grant.refreshToken, grant);
		return grant;
	}

	mintAccessToken(grant: ZohoGrant, token?: string): ZohoAccessToken {
		const now = this.clock();
		grant.mintedAt = [...grant.mintedAt.filter((at) => at > now - 600_000), now];
		const access: ZohoAccessToken = { token: token ?? `1000.${this.randomPart()}.${this.randomPart()}`, refreshToken: grant.refreshToken, scopes: grant.scopes, expiresAt: now + this.config.accessTokenTtlSeconds * 1000, revoked: false };
		this.accessTokens.set(access.token, access);
		return access;
	}

	/** Revokes a refresh token and every access token minted from it (Zoho "Revoking Refresh Token"). */
	revoke(refreshToken: string): boolean {
		const grant = this.grants.get(refreshToken);
		if (!grant) return false;
		grant.revoked = true;
		for (const access of this.accessTokens.values()) if (access.refreshToken === refreshToken) access.revoked = true;
		return true;
	}

	flushSearchIndex(): void {
		for (const index of this.indexes.values()) index.flush();
	}

	/** Every access token expires now (they answer 401 `INVALID_TOKEN` until refreshed). */
	expireAccessTokens(): number {
		const now = this.clock();
		for (const access of this.accessTokens.values()) access.expiresAt = Math.min(access.expiresAt, now - 1);
		return this.accessTokens.size;
	}

	dump(): Record<string, unknown> {
		const records: Record<string, unknown[]> = {};
		for (const [key, map] of this.records) records[key] = [...map.values()];
		const pendingSearchWrites = Object.fromEntries([...this.indexes].map(([key, index]) => [key, index.pending()]));
		return {
			users: this.users,
			records,
			notes: { crm: [...this.notes.crm.values()], bigin: [...this.notes.bigin.values()] },
			grants: [...this.grants.values()].map((grant) => ({ clientId: grant.clientId, scopes: grant.scopes, revoked: grant.revoked, refreshToken: mask(grant.refreshToken) })),
			accessTokens: [...this.accessTokens.values()].map((access) => ({ token: mask(access.token), scopes: access.scopes, expiresAt: new Date(access.expiresAt).toISOString(), revoked: access.revoked })),
			pendingSearchWrites,
		};
	}

	private seedRecords(product: ZohoProduct, module: string, seeds: readonly ZohoSeedRecord[]): void {
		const now = this.clock();
		for (const seed of seeds) {
			const record: ZohoRecord = { id: seed.id, product, module, fields: { ...seed.fields }, ownerId: seed.ownerId, createdBy: seed.ownerId, modifiedBy: seed.ownerId, createdAt: now, modifiedAt: now };
			this.store(product, module).set(record.id, record);
			this.index(product, module).put(record.id, record);
		}
	}

	private randomPart(): string {
		return `${this.tokens.take()}${Math.random().toString(16).slice(2, 14)}`;
	}
}

/** First 12 characters and an ellipsis: enough to tell tokens apart in a dump, not enough to use them. */
export function mask(secret: string): string {
	return `${secret.slice(0, 12)}…`;
}
