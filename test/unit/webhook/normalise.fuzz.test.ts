import fc from 'fast-check';
import { normaliseWebhook, type WhatsAppEvent } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from './fixtures';

const KINDS = [
	'message', 'status', 'error', 'template_status', 'template_category', 'template_quality',
	'phone_number_quality', 'phone_number_name', 'account_update', 'business_capability', 'security', 'unknown_change',
];
const MESSAGE_TYPES = [
	'text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'reaction',
	'button', 'interactive', 'order', 'system', 'request_welcome', 'unsupported',
];
const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];
const FIELDS = [
	'messages', 'message_template_status_update', 'template_category_update', 'message_template_quality_update',
	'phone_number_quality_update', 'phone_number_name_update', 'account_update', 'account_review_update',
	'business_capability_update', 'security', 'history', '',
];

/** Every valid fixture payload (Meta's documented examples), as whole webhook bodies. */
const VALID_BODIES: unknown[] = [
	...[fx.TEXT, fx.IMAGE, fx.VIDEO, fx.DOCUMENT, fx.VOICE_NOTE, fx.ANIMATED_STICKER, fx.LOCATION, fx.SHARED_CONTACT,
		fx.REACTION, fx.TEMPLATE_QUICK_REPLY, fx.BUTTON_REPLY, fx.LIST_REPLY, fx.flowReply('{"flow_token":"t"}'), fx.ORDER,
		fx.UNSUPPORTED_EDIT, { ...fx.TEXT, referral: fx.CTWA_REFERRAL, context: { forwarded: true } }].map((message) => fx.inbound(message)),
	fx.messagesWebhook({ messages: [fx.USER_CHANGED_NUMBER] }),
	fx.messagesWebhook({ statuses: [fx.SENT_STATUS, fx.FAILED_STATUS] }),
	fx.messagesWebhook({ errors: [fx.RATE_LIMIT_ERROR] }),
	fx.wabaWebhook('message_template_status_update', { event: 'REJECTED', message_template_id: 1, rejection_info: { reason: 'r' } }),
	fx.wabaWebhook('template_category_update', { message_template_id: 2, new_category: 'UTILITY', category_update_timestamp: 1746169200 }),
	fx.wabaWebhook('account_update', { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: ['DISABLE'] } }),
	fx.wabaWebhook('business_capability_update', { max_daily_conversations_per_business: 2000 }),
];

/** Checks what must hold for any output, whatever the input was. */
function assertWellFormed(events: WhatsAppEvent[]): void {
	expect(Array.isArray(events)).toBe(true);
	for (const event of events) {
		expect(KINDS).toContain(event.kind);
		expect(typeof event.eventId).toBe('string');
		expect(event.eventId.length).toBeGreaterThan(0);
		// One time rule: ISO and Unix seconds agree, or both are null (and a time Meta owed is flagged).
		if (event.timestampEpoch === null) {
			expect(event.timestamp).toBeNull();
			if (event.kind !== 'error') expect(['missing', 'unreadable']).toContain(event.timestampProblem);
		} else {
			expect(Number.isInteger(event.timestampEpoch)).toBe(true);
			expect(event.timestamp).toBe(new Date(event.timestampEpoch * 1000).toISOString());
		}
		expect(event.receivedAt).toBe(new Date(event.receivedAtEpoch * 1000).toISOString());
		expect(typeof event.wabaId).toBe('string');
		if (event.kind === 'message') {
			expect(MESSAGE_TYPES).toContain(event.type);
			if (MEDIA_TYPES.includes(event.type) && !event.contentMissing) expect(event.media).toBeDefined();
			expect(event.from.e164).toBe(/^\d{1,15}$/.test(event.from.waId) ? `+${event.from.waId}` : '');
		}
		if (event.kind === 'status') expect(event.recipient.e164).toBe(/^\d{1,15}$/.test(event.recipient.waId) ? `+${event.recipient.waId}` : '');
	}
	expect(() => JSON.stringify(events)).not.toThrow();
}

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
	const children =
		Array.isArray(value) ? value.map((item, index) => pathsOf(item, [...prefix, index])).flat()
		: typeof value === 'object' && value !== null ? Object.entries(value).map(([key, item]) => pathsOf(item, [...prefix, key])).flat()
		: [];
	return [prefix, ...children];
}

/** Replaces (or deletes) the node at `path` in a deep copy of `body`. */
function mutate(body: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
	if (path.length === 0) return replacement;
	const copy = structuredClone(body) as Record<string | number, unknown>;
	let parent = copy;
	for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
	const last = path[path.length - 1];
	if (remove && Array.isArray(parent)) parent.splice(last as number, 1);
	else if (remove) delete parent[last];
	else parent[last] = replacement;
	return copy;
}

const mutation = fc.record({ pick: fc.nat(), replacement: fc.jsonValue(), remove: fc.boolean() });

/** Objects built from the keys Meta uses, with arbitrary values: reaches the deep readers more often. */
const META_KEYS = [
	'body', 'id', 'caption', 'mime_type', 'sha256', 'url', 'voice', 'animated', 'filename', 'latitude', 'longitude',
	'message_id', 'emoji', 'payload', 'text', 'type', 'button_reply', 'list_reply', 'nfm_reply', 'response_json',
	'catalog_id', 'product_items', 'wa_id', 'name', 'profile', 'user_id', 'referred_product', 'forwarded',
	'status', 'recipient_id', 'conversation', 'pricing', 'origin', 'expiration_timestamp', 'errors', 'error_data', 'code',
];
const metaLike = fc.letrec((tie) => ({
	node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('node'), { maxLength: 3 })),
	object: fc.dictionary(fc.constantFrom(...META_KEYS), tie('node'), { maxKeys: 6 }),
})).node;
const messageLike = fc.record(
	{
		from: fc.oneof(fc.constant(fx.USER_WA_ID), fc.constant(''), fc.jsonValue()),
		id: fc.oneof(fc.string(), fc.jsonValue()),
		timestamp: fc.oneof(fc.nat().map(String), fc.jsonValue()),
		type: fc.oneof(fc.constantFrom(...MESSAGE_TYPES, 'unknown', 'poll'), fc.string()),
		...Object.fromEntries([...MESSAGE_TYPES, 'context', 'referral', 'errors'].map((key) => [key, metaLike])),
	},
	{ requiredKeys: ['type'] },
);
const messagesValue = fc.record(
	{
		metadata: fc.oneof(fc.constant(fx.METADATA), fc.jsonValue()),
		contacts: fc.array(fc.oneof(fc.constant(fx.SHEENA), metaLike), { maxLength: 3 }),
		messages: fc.array(fc.oneof(messageLike, fc.jsonValue()), { maxLength: 4 }),
		statuses: fc.array(metaLike, { maxLength: 4 }),
		errors: fc.array(metaLike, { maxLength: 3 }),
	},
	{ requiredKeys: [] },
);

describe('normaliseWebhook never throws (fuzz)', () => {
	it('returns a well-formed array for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (body) => assertWellFormed(normaliseWebhook(body))),
			{ numRuns: 500 },
		);
	});

	it('returns a well-formed array for envelopes whose every level holds arbitrary JSON', () => {
		const value = fc.oneof(fc.jsonValue(), messagesValue, metaLike);
		const change = fc.record({ field: fc.oneof(fc.constantFrom(...FIELDS), fc.string()), value }, { requiredKeys: [] });
		const entry = fc.record(
			{ id: fc.jsonValue(), time: fc.jsonValue(), changes: fc.array(fc.oneof(change, fc.jsonValue()), { maxLength: 3 }) },
			{ requiredKeys: [] },
		);
		const body = fc.record({
			object: fc.constantFrom('whatsapp_business_account', undefined),
			entry: fc.array(fc.oneof(entry, fc.jsonValue()), { maxLength: 3 }),
		});
		fc.assert(fc.property(body, (generated) => assertWellFormed(normaliseWebhook(generated))), { numRuns: 400 });
	});

	it('survives any series of replacements and deletions inside valid payloads', () => {
		fc.assert(
			fc.property(fc.nat({ max: VALID_BODIES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
				let body = VALID_BODIES[index];
				for (const { pick, replacement, remove } of mutations) {
					const paths = pathsOf(body);
					body = mutate(body, paths[pick % paths.length], replacement, remove);
				}
				assertWellFormed(normaliseWebhook(body));
			}),
			{ numRuns: 1000 },
		);
	});

	it('makes exactly one event per object in messages[], statuses[] and errors[]', () => {
		const item = fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue());
		fc.assert(
			fc.property(fc.array(item), fc.array(item), fc.array(item), (messages, statuses, errors) => {
				const events = normaliseWebhook(fx.messagesWebhook({ contacts: [fx.SHEENA], messages, statuses, errors }));
				const objects = (items: unknown[]) => items.filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value)).length;
				expect(events.filter((event) => event.kind === 'message')).toHaveLength(objects(messages));
				expect(events.filter((event) => event.kind === 'status')).toHaveLength(objects(statuses));
				expect(events.filter((event) => event.kind === 'error')).toHaveLength(objects(errors));
			}),
			{ numRuns: 300 },
		);
	});

	it('turns any unknown message type into `unsupported`, keeping the raw payload and the type', () => {
		const unknownType = fc.string({ minLength: 1 }).filter((type) => !MESSAGE_TYPES.includes(type) && type !== 'unknown');
		fc.assert(
			fc.property(unknownType, fc.jsonValue(), (type, payload) => {
				const message = { from: fx.USER_WA_ID, id: 'wamid.X', timestamp: '1749416383', type, [type]: payload };
				const [event] = normaliseWebhook(fx.messagesWebhook({ contacts: [fx.SHEENA], messages: [message] }));
				expect(event).toMatchObject({ kind: 'message', type: 'unsupported', unsupportedType: type, eventId: 'wamid.X' });
				expect(event.kind === 'message' && event.raw).toBe(message);
			}),
			{ numRuns: 300 },
		);
	});

	it('treats "__proto__" keys as plain data (no prototype pollution through camelCased copies)', () => {
		const body = JSON.parse(
			JSON.stringify(fx.inbound(fx.SHARED_CONTACT)).replace('"org":', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"org":'),
		);
		const [event] = normaliseWebhook(body);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(event.kind === 'message' && Object.getPrototypeOf(event.contacts?.[0])).toBe(Object.prototype);
		expect(event.kind === 'message' && Object.keys(event.contacts?.[0] ?? {})).toContain('__proto__');
	});
});
