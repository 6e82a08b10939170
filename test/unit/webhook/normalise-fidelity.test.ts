/**
 * Every field Meta documents for inbound messages and statuses reaches the normalised event, not only
 * `raw` (Meta: Messages webhook reference and its pages per type, Status messages webhook reference,
 * System messages webhook reference, Business-scoped user IDs, Conversational components).
 */
import { normaliseWebhook, type MessageEvent, type StatusEvent, type WhatsAppEvent } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from './fixtures';

const RECEIVED_MS = 1_760_000_000_000;
const normalise = (body: unknown) => normaliseWebhook(body, { now: () => RECEIVED_MS });

function onlyMessage(body: unknown): MessageEvent {
	const [event, ...rest] = normalise(body);
	if (event?.kind !== 'message' || rest.length > 0) throw new Error('expected exactly one message event');
	return event;
}

function statuses(value: Record<string, unknown>): StatusEvent[] {
	return normalise(fx.messagesWebhook(value)).map((event) => {
		if (event.kind !== 'status') throw new Error(`expected a status event, got ${event.kind}`);
		return event;
	});
}

const BSUID = 'US.13491208655302741918';
const PARENT_BSUID = 'US.ENT.9081726354';

describe('message types Meta documents', () => {
	it('gives request_welcome (a user opening the chat for the first time) its own type, with the sender', () => {
		const event = onlyMessage(fx.inbound({ type: 'request_welcome' }));
		expect(event).toMatchObject({ type: 'request_welcome', from: { waId: fx.USER_WA_ID, e164: '+16505551234', profileName: 'Sheena Nelson' } });
		expect(event).not.toHaveProperty('unsupportedType');
		expect(event).not.toHaveProperty('contentMissing');
	});

	it('keeps Meta\'s type and surfaces the errors of an interactive message that came with errors[] and no interactive object', () => {
		const errors = [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', error_data: { details: 'Unable to read the reply.' } }];
		const event = onlyMessage(fx.inbound({ type: 'interactive', errors }));
		expect(event).toMatchObject({ type: 'interactive', contentMissing: true, errors: [{ code: 131000, details: 'Unable to read the reply.' }] });
		expect(event).not.toHaveProperty('unsupportedType');
	});

	it.each(['text', 'image', 'location', 'contacts', 'reaction', 'button', 'order', 'system'])(
		'keeps the type %s when its object is missing, and says contentMissing',
		(type) => {
			expect(onlyMessage(fx.inbound({ type }))).toMatchObject({ type, contentMissing: true });
		},
	);

	it('says emoji: null explicitly for a removed reaction, whether Meta sent "" or no emoji (Meta: Reaction messages webhook reference)', () => {
		for (const reaction of [{ message_id: 'wamid.A', emoji: '' }, { message_id: 'wamid.A' }]) {
			const event = onlyMessage(fx.inbound({ type: 'reaction', reaction }));
			expect(event.reaction).toHaveProperty('emoji', null);
			expect(event.reaction).toEqual({ messageId: 'wamid.A', emoji: null, removed: true });
		}
	});
});

describe('system notices: every documented system field (Meta: System messages webhook reference)', () => {
	it('carries the identity hash, the previous wa_id and the body of an identity change', () => {
		const message = {
			from: fx.USER_WA_ID,
			id: 'wamid.IDENTITY',
			timestamp: '1739321024',
			type: 'system',
			system: { body: 'Sheena Nelson’s security code changed', identity: 'DF2lS5v2W6x=', customer: fx.USER_WA_ID, type: 'customer_identity_changed' },
			identity: { acknowledged: false, created_timestamp: '1739321000', hash: 'DF2lS5v2W6x=' },
		};
		const event = onlyMessage(fx.messagesWebhook({ messages: [message] }));
		expect(event.system).toEqual({ type: 'customer_identity_changed', body: message.system.body, identityHash: 'DF2lS5v2W6x=', customer: fx.USER_WA_ID });
		expect(event.identity).toEqual({ acknowledged: false, hash: 'DF2lS5v2W6x=', createdAt: '2025-02-12T00:43:20.000Z', createdAtEpoch: 1739321000 });
	});

	it('carries the new BSUID and parent BSUID of user_changed_user_id, and the new number of older payloads (new_wa_id)', () => {
		const changedId = {
			from: '',
			id: 'wamid.NEWID',
			timestamp: '1739321024',
			type: 'system',
			system: { body: `User Sheena Nelson changed from ${BSUID} to US.2`, wa_id: '', user_id: 'US.2', parent_user_id: 'US.ENT.2', type: 'user_changed_user_id' },
		};
		expect(onlyMessage(fx.messagesWebhook({ messages: [changedId] })).system).toEqual({
			type: 'user_changed_user_id',
			body: changedId.system.body,
			newUserId: 'US.2',
			newParentUserId: 'US.ENT.2',
		});
		const older = { ...fx.USER_CHANGED_NUMBER, system: { body: 'changed', new_wa_id: '12195555358', type: 'customer_changed_number' } };
		expect(onlyMessage(fx.messagesWebhook({ messages: [older] })).system).toMatchObject({ type: 'customer_changed_number', newWaId: '12195555358' });
	});
});

describe('who the message is from: every identifier Meta sends is kept', () => {
	it('keeps from_logical_id of a tap on an authentication template button (Meta: Autofill button authentication templates)', () => {
		const tap = {
			context: { from: fx.DISPLAY_PHONE_NUMBER, id: 'wamid.OTP' },
			from_logical_id: '131063108133020',
			type: 'button',
			button: { payload: 'DID_NOT_REQUEST_CODE', text: "I didn't request a code" },
		};
		const event = onlyMessage(fx.inbound(tap));
		expect(event).toMatchObject({ type: 'button', button: { payload: 'DID_NOT_REQUEST_CODE' }, from: { waId: fx.USER_WA_ID, logicalId: '131063108133020' } });
	});

	it('keeps BSUID, parent BSUID, username, country and identity hash from contacts[] and the message (Meta: Business-scoped user IDs)', () => {
		const contact = {
			profile: { name: 'Sheena Nelson', username: '@realsheenanelson', country_code: 'US' },
			wa_id: fx.USER_WA_ID,
			user_id: BSUID,
			parent_user_id: PARENT_BSUID,
			identity_key_hash: 'DF2lS5v2W6x=',
		};
		const event = onlyMessage(fx.inbound({ ...fx.TEXT, from_user_id: BSUID, from_parent_user_id: PARENT_BSUID }, [contact]));
		expect(event.from).toEqual({
			waId: fx.USER_WA_ID,
			e164: '+16505551234',
			userId: BSUID,
			parentUserId: PARENT_BSUID,
			username: '@realsheenanelson',
			profileName: 'Sheena Nelson',
			countryCode: 'US',
			identityKeyHash: 'DF2lS5v2W6x=',
		});
	});

	it('identifies a user whose number is withheld by their BSUID, matching their contact by user_id', () => {
		const stranger = { profile: { name: 'Someone Else' }, wa_id: '447700900123', user_id: 'GB.1' };
		const sheena = { profile: { name: 'Sheena Nelson', username: '@sheena' }, wa_id: '', user_id: BSUID };
		const event = onlyMessage(fx.inbound({ ...fx.TEXT, from: '', from_user_id: BSUID }, [stranger, sheena]));
		expect(event.from).toEqual({ waId: '', e164: '', userId: BSUID, username: '@sheena', profileName: 'Sheena Nelson' });
	});

	it('keeps the quoted sender\'s BSUIDs in the reply context, and the group of a group message', () => {
		const reply = { ...fx.TEXT, group_id: 'GROUP.1', context: { from: fx.DISPLAY_PHONE_NUMBER, id: 'wamid.Q', from_user_id: BSUID, from_parent_user_id: PARENT_BSUID } };
		const event = onlyMessage(fx.inbound(reply));
		expect(event.groupId).toBe('GROUP.1');
		expect(event.context).toMatchObject({ repliedToMessageId: 'wamid.Q', fromUserId: BSUID, fromParentUserId: PARENT_BSUID });
	});

	it.each([
		['16505551234', '16505551234', '+16505551234'],
		['+16505551234', '16505551234', '+16505551234'], // the form in some of Meta's examples
		['', '', ''],
		['not-a-number', 'not-a-number', ''],
		['1234567890123456', '1234567890123456', ''], // 16 digits: no E.164 number is that long
	])('writes from.e164 only for a wa_id of digits: %j', (from, waId, e164) => {
		const event = onlyMessage(fx.inbound({ ...fx.TEXT, from }, []));
		expect(event.from).toMatchObject({ waId, e164 });
	});
});

describe('who a status is about (Meta: Status messages webhook reference, Business-scoped user IDs)', () => {
	it('keeps the recipient\'s BSUID, parent BSUID, username, country and profile name, as messages do', () => {
		const contacts = [{ profile: { name: 'Pablo M.', username: '@pablomorales', country_code: 'US' }, wa_id: fx.USER_WA_ID, user_id: BSUID, parent_user_id: PARENT_BSUID }];
		const delivered = { id: 'wamid.D', status: 'delivered', timestamp: '1750030073', recipient_id: fx.USER_WA_ID, recipient_user_id: BSUID, recipient_parent_user_id: PARENT_BSUID };
		const [event] = statuses({ contacts, statuses: [delivered] });
		expect(event.recipient).toEqual({
			waId: fx.USER_WA_ID,
			e164: '+16505551234',
			userId: BSUID,
			parentUserId: PARENT_BSUID,
			username: '@pablomorales',
			profileName: 'Pablo M.',
			countryCode: 'US',
		});
	});

	it('identifies a recipient whose number is withheld (recipient_id "") by the BSUID the status carries', () => {
		const contacts = [{ profile: { name: 'Pablo M.', username: '@pablomorales' }, wa_id: '', user_id: BSUID }];
		const [event] = statuses({ contacts, statuses: [{ id: 'wamid.B', status: 'read', timestamp: '1750030073', recipient_id: '', recipient_user_id: BSUID }] });
		expect(event.recipient).toEqual({ waId: '', e164: '', userId: BSUID, username: '@pablomorales', profileName: 'Pablo M.' });
	});

	it('never gives a failed status (sent without contacts[]) the profile of another recipient in the same change', () => {
		const contacts = [{ profile: { name: 'Pablo M.' }, wa_id: '447700900123', user_id: 'GB.1' }];
		const [delivered, failed] = statuses({
			contacts,
			statuses: [
				{ id: 'wamid.P', status: 'delivered', timestamp: '1750030073', recipient_id: '447700900123' },
				{ ...fx.FAILED_STATUS, recipient_identity_key_hash: 'DF2lS5v2W6x=' },
			],
		});
		expect(delivered.recipient).toMatchObject({ profileName: 'Pablo M.', userId: 'GB.1' });
		expect(failed.recipient).toEqual({ waId: fx.USER_WA_ID, e164: '+16505551234', identityKeyHash: 'DF2lS5v2W6x=' });
	});

	it('names the participant as recipient and the group as groupId for a message sent to a group', () => {
		const [event] = statuses({
			statuses: [{ id: 'wamid.G', status: 'read', timestamp: '1750030073', recipient_id: 'GROUP.120363', recipient_type: 'group', recipient_participant_id: fx.USER_WA_ID }],
		});
		expect(event).toMatchObject({ recipientType: 'group', groupId: 'GROUP.120363', recipient: { waId: fx.USER_WA_ID, e164: '+16505551234' } });
	});
});

describe('times: ISO 8601 and Unix seconds under one naming rule', () => {
	/** Every `<name>Epoch` key must sit beside `<name>`, the same instant in ISO 8601 (or both null). */
	function expectTimePairs(value: unknown, path = ''): number {
		if (Array.isArray(value)) return value.reduce<number>((count, item, index) => count + expectTimePairs(item, `${path}[${index}]`), 0);
		if (typeof value !== 'object' || value === null) return 0;
		let pairs = 0;
		for (const [key, item] of Object.entries(value)) {
			if (key === 'raw') continue;
			if (key.endsWith('Epoch')) {
				const iso = (value as Record<string, unknown>)[key.slice(0, -'Epoch'.length)];
				expect({ path: `${path}.${key}`, iso }).toEqual({ path: `${path}.${key}`, iso: item === null ? null : new Date((item as number) * 1000).toISOString() });
				pairs++;
			}
			pairs += expectTimePairs(item, `${path}.${key}`);
		}
		return pairs;
	}

	const timed: Array<[string, unknown, number]> = [
		['a message and its identity', fx.inbound({ ...fx.TEXT, identity: { acknowledged: true, created_timestamp: 1739321000, hash: 'h' } }), 3],
		['a status and its conversation expiry', fx.messagesWebhook({ statuses: [fx.SENT_STATUS] }), 3],
		['a category update', fx.wabaWebhook('template_category_update', { message_template_id: 2, new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1746169200 }), 3],
		['a disable date', fx.wabaWebhook('message_template_status_update', { event: 'DISABLED', message_template_id: 1, disable_info: { disable_date: 1751247548 } }), 3],
		['a ban date written as text', fx.wabaWebhook('account_update', { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: 'April 17, 2025' } }), 3],
		[
			'authentication-international start times',
			fx.wabaWebhook('account_update', { event: 'AUTH_INTL_PRICE_ELIGIBILITY_UPDATE', auth_international_rate_eligibility: { exception_countries: [{ country_code: 'ID', start_time: 1751347424 }], start_time: 1748780624 } }),
			4,
		],
		['a pricing tier update', fx.wabaWebhook('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: { tier_update_time: 1743451903, tier: '25000001:50000000' } }), 3],
	];

	it.each(timed)('%s: every time is `<name>` (ISO) beside `<name>Epoch` (seconds)', (_name, body, expectedPairs) => {
		const events = normalise(body);
		expect(expectTimePairs(events)).toBe(expectedPairs);
	});

	it('reads the ban date "April 17, 2025" as that day at midnight UTC', () => {
		const [event] = normalise(fx.wabaWebhook('account_update', { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: 'April 17, 2025' } }));
		expect(event).toMatchObject({ banInfo: { wabaBanDate: '2025-04-17T00:00:00.000Z', wabaBanDateEpoch: 1744848000 } });
	});

	it('keeps a missing or unreadable timestamp as null and flags it, never the arrival time; Meta\'s value stays', () => {
		const [missing] = normalise(fx.messagesWebhook({ contacts: [fx.SHEENA], messages: [{ from: fx.USER_WA_ID, id: 'wamid.NOTIME', ...fx.TEXT }] }));
		expect(missing).toMatchObject({ timestamp: null, timestampEpoch: null, timestampProblem: 'missing', receivedAtEpoch: RECEIVED_MS / 1000 });
		expect(missing).not.toHaveProperty('timestampAsSent');
		const [unreadable] = normalise(fx.inbound({ ...fx.TEXT, timestamp: 'yesterday' }));
		expect(unreadable).toMatchObject({ timestamp: null, timestampEpoch: null, timestampProblem: 'unreadable', timestampAsSent: 'yesterday' });
		const [status] = normalise(fx.messagesWebhook({ statuses: [{ ...fx.SENT_STATUS, timestamp: '17500300.73' }] }));
		expect(status).toMatchObject({ timestamp: null, timestampProblem: 'unreadable', timestampAsSent: '17500300.73' });
		const [change] = normalise({ object: 'whatsapp_business_account', entry: [{ id: fx.WABA_ID, changes: [{ field: 'account_update', value: { event: 'ACCOUNT_DELETED' } }] }] });
		expect(change).toMatchObject({ timestamp: null, timestampProblem: 'missing' });
	});
});

describe('large batches: each sender gets their own contact (contacts[] indexed once per change)', () => {
	it('matches 1,000 messages from 1,000 people to their contacts, in a shuffled contacts[]', () => {
		const people = Array.from({ length: 1000 }, (_unused, index) => ({ waId: String(447700900000 + index), name: `Customer ${index}`, userId: `GB.${index}` }));
		const contacts = people.map((person) => ({ profile: { name: person.name }, wa_id: person.waId, user_id: person.userId })).reverse();
		const messages = people.map((person, index) => ({ from: person.waId, id: `wamid.${index}`, timestamp: '1749416383', ...fx.TEXT }));
		const events = normalise(fx.messagesWebhook({ contacts, messages })) as MessageEvent[];
		expect(events).toHaveLength(1000);
		events.forEach((event, index) => {
			expect(event.from).toMatchObject({ waId: people[index].waId, profileName: people[index].name, userId: people[index].userId });
		});
	});

	it('gives the first contact of a repeated wa_id, as a search from the start would, and BSUID-only senders theirs', () => {
		const contacts = [
			{ profile: { name: 'First' }, wa_id: fx.USER_WA_ID },
			{ profile: { name: 'Second' }, wa_id: fx.USER_WA_ID },
			{ profile: { name: 'Username user' }, wa_id: '', user_id: BSUID },
		];
		const messages = [
			{ from: fx.USER_WA_ID, id: 'wamid.1', timestamp: '1749416383', ...fx.TEXT },
			{ from: '', from_user_id: BSUID, id: 'wamid.2', timestamp: '1749416383', ...fx.TEXT },
			{ from: '19995550000', id: 'wamid.3', timestamp: '1749416383', ...fx.TEXT },
		];
		const events = normalise(fx.messagesWebhook({ contacts, messages })) as MessageEvent[];
		expect(events.map((event) => event.from.profileName)).toEqual(['First', 'Username user', undefined]);
	});
});

describe('errors carry advice for where they are read', () => {
	it('gives each place its own advice: a failed status, a customer\'s message, a value-level error', () => {
		const error = { code: 131000, title: 'Something went wrong', message: 'Something went wrong' };
		const events: WhatsAppEvent[] = normalise(
			fx.messagesWebhook({
				contacts: [fx.SHEENA],
				messages: [{ from: fx.USER_WA_ID, id: 'wamid.M', timestamp: '1749416383', type: 'unsupported', errors: [error] }],
				statuses: [{ id: 'wamid.S', status: 'failed', timestamp: '1750030073', recipient_id: fx.USER_WA_ID, errors: [error] }],
				errors: [error],
			}),
		);
		const advice = events.map((event) => (event as { errors: Array<{ advice: string }> }).errors[0].advice);
		expect(advice[0]).toMatch(/ask the customer to send it again/);
		expect(advice[1]).toMatch(/not delivered and nothing sends it again/);
		expect(advice[2]).toMatch(/check their statuses/);
		for (const text of advice) expect(text).not.toMatch(/the node (waits|tries|slows)/i);
	});
});
