import {
	describeMetaError,
	formatMetaError,
	KNOWN_META_ERROR_CODES,
	parseGraphError,
	withAdviceForMessage,
} from '../../../nodes/shared/whatsapp/errors';

const REQUIRED_CODES = [
	0, 4, 10, 100, 190, 200, 368, 80007, 130429, 130472, 131000, 131005, 131008, 131009, 131016, 131021, 131026,
	131031, 131042, 131045, 131047, 131049, 131051, 131052, 131053, 131056, 131057, 132000, 132001, 132005, 132007,
	132012, 132015, 132016, 132068, 132069, 133010, 135000,
];

describe('describeMetaError catalogue (Meta: Error codes)', () => {
	it.each(REQUIRED_CODES)('explains code %i with a title, plain advice and a category', (code) => {
		const advice = describeMetaError(code);
		expect(advice.code).toBe(code);
		expect(advice.category).not.toBe('unknown');
		expect(advice.title.length).toBeGreaterThan(3);
		expect(advice.advice.length).toBeGreaterThan(30);
		expect(advice.advice).not.toMatch(/does not know/);
	});

	it('covers the whole 200–299 permission range', () => {
		for (const code of [200, 250, 299]) expect(describeMetaError(code)).toMatchObject({ code, title: 'API Permission', category: 'permission', retryable: false });
		expect(describeMetaError(300).category).toBe('unknown');
	});

	it.each([130429, 131056, 131000, 131016, 4, 80007, 131057, 2])('marks %i as retryable with a first wait', (code) => {
		const advice = describeMetaError(code);
		expect(advice.retryable).toBe(true);
		expect(advice.retryAfterSeconds).toBeGreaterThan(0);
	});

	it.each([131047, 132000, 132001, 190, 100, 0, 131026, 131049, 368])('marks %i as not retryable', (code) => {
		const advice = describeMetaError(code);
		expect(advice.retryable).toBe(false);
		expect(advice.retryAfterSeconds).toBeUndefined();
	});

	it('uses the pair-rate wait of 6 seconds for 131056 (Meta: Throughput)', () => {
		expect(describeMetaError(131056).retryAfterSeconds).toBe(6);
	});

	it('gives the fixes a no-code user needs for the common failures', () => {
		expect(describeMetaError(131047)).toMatchObject({ category: 'window', title: 'Re-engagement message' });
		expect(describeMetaError(131047).advice).toBe(
			"More than 24 hours have passed since this customer last wrote to you, so WhatsApp only allows an approved template. Send a template instead (e.g. with 'Send Text, or Template When Window Closed').",
		);
		expect(describeMetaError(190).advice).toBe(
			'The access token has expired or was revoked: generate a new one (a System User token does not expire) and update the credential.',
		);
		expect(describeMetaError(100).advice).toMatch(/ID.*wrong|wrong.*ID/);
		expect(describeMetaError(100).advice).toMatch(/field/);
		expect(describeMetaError(132001).advice).toMatch(/approved template.*language/);
		expect(describeMetaError(132001).category).toBe('template');
	});

	it('says more precisely what is wrong when the details point at a missing object', () => {
		const advice = describeMetaError(100, "Unsupported post request. Object with ID '1234' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
		expect(advice.advice).toMatch(/Phone Number ID/);
	});

	it('gives an unknown code a generic, non-retryable entry', () => {
		expect(describeMetaError(987654)).toMatchObject({ code: 987654, category: 'unknown', retryable: false });
		expect(describeMetaError(987654).advice).toMatch(/error codes page/);
	});

	it('lists every catalogued code exactly once', () => {
		expect(new Set(KNOWN_META_ERROR_CODES).size).toBe(KNOWN_META_ERROR_CODES.length);
		for (const code of REQUIRED_CODES.filter((c) => c !== 200)) expect(KNOWN_META_ERROR_CODES).toContain(code);
	});
});

describe('parseGraphError', () => {
	const graphEnvelope = {
		error: {
			message: '(#130429) Rate limit hit',
			type: 'OAuthException',
			code: 130429,
			error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
			error_subcode: 2494055,
			fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
		},
	};

	it('reads the synchronous Graph envelope (Meta: Error codes)', () => {
		expect(parseGraphError(graphEnvelope, 400)).toEqual({
			...describeMetaError(130429),
			message: '(#130429) Rate limit hit',
			details: 'Cloud API message throughput has been reached.',
			subcode: 2494055,
			fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
			httpStatus: 400,
			type: 'OAuthException',
		});
	});

	it('reads the envelope when it arrives as JSON text', () => {
		expect(parseGraphError(JSON.stringify(graphEnvelope))?.code).toBe(130429);
	});

	it('reads a webhook status error object (Meta: Status messages webhook reference)', () => {
		const webhookError = {
			code: 131049,
			title: 'This message was not delivered to maintain healthy ecosystem engagement.',
			message: 'This message was not delivered to maintain healthy ecosystem engagement.',
			error_data: { details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
			href: '/documentation/business-messaging/whatsapp/support/error-codes',
		};
		expect(parseGraphError(webhookError)).toEqual({
			...describeMetaError(131049),
			message: webhookError.message,
			details: webhookError.error_data.details,
			href: webhookError.href,
		});
	});

	it('reads the first entry of an errors array (value.errors, Meta: Messages webhook reference)', () => {
		const errors = [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'too many messages' } }];
		expect(parseGraphError(errors)).toMatchObject({ code: 130429, retryable: true, details: 'too many messages' });
	});

	it('reads the 131047 window failure that arrives as a failed status', () => {
		const info = parseGraphError({ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } });
		expect(info).toMatchObject({ code: 131047, category: 'window', retryable: false });
	});

	it('keeps Meta\'s own title for codes it does not know, and lets the HTTP status decide retrying', () => {
		const unknown = { error: { message: '(#555555) Brand new failure', type: 'OAuthException', code: 555555, fbtrace_id: 'X' } };
		expect(parseGraphError(unknown, 400)).toMatchObject({ code: 555555, title: 'Brand new failure', category: 'unknown', retryable: false });
		expect(parseGraphError(unknown, 503)).toMatchObject({ category: 'server', retryable: true });
		expect(parseGraphError(unknown, 429)).toMatchObject({ category: 'rate-limit', retryable: true });
	});

	it('returns undefined for bodies without a Meta error code', () => {
		for (const body of [undefined, null, '', 'Bad Gateway', '<html>', { success: true }, { error: { message: 'no code' } }, 42]) {
			expect(parseGraphError(body)).toBeUndefined();
		}
	});

	it('never passes an access token through', () => {
		const token = 'EAAGm0PX4ZCpsBAKZCZBsomethingLongEnough1234567890';
		const info = parseGraphError({ error: { code: 190, message: `Error validating access token ${token}`, error_data: { details: `access_token=${token}&x=1` } } });
		const shown = JSON.stringify([info, formatMetaError(info!)]);
		expect(shown).not.toContain(token);
		expect(shown).toContain('[redacted]');
	});
});

describe('Minor 6: error 190 is titled by why Meta refused the token', () => {
	const refusal = (message: string, subcode?: number) => parseGraphError({ error: { message, type: 'OAuthException', code: 190, ...(subcode ? { error_subcode: subcode } : {}) } }, 401)!;

	it('a token that is not one ("Cannot parse access token", a typo) is not valid, not expired', () => {
		const info = refusal('Invalid OAuth access token - Cannot parse access token');
		expect(info).toMatchObject({ code: 190, title: 'Access token is not valid', category: 'auth', retryable: false });
		expect(info.advice).toMatch(/copied incompletely/);
		expect(formatMetaError(info).message).toBe('WhatsApp error 190: Access token is not valid');
	});

	it('subcode 463 or "Session has expired" is expired', () => {
		expect(refusal('Error validating access token: Session has expired on Tuesday, 14-May-24 10:00:00 PDT.', 463).title).toBe('Access token has expired');
		expect(refusal('Error validating access token: Session has expired on Tuesday, 14-May-24 10:00:00 PDT.').title).toBe('Access token has expired');
	});

	it('subcodes 458, 460, 492 (app removed, password changed, session invalid) are revoked; 467 is not valid', () => {
		for (const subcode of [458, 460, 492]) expect(refusal('Error validating access token', subcode).title).toBe('Access token was revoked');
		expect(refusal('Error validating access token: The session is invalid because the user logged out.').title).toBe('Access token was revoked');
		expect(refusal('Error validating access token', 467).title).toBe('Access token is not valid');
	});

	it("without a subcode or a telling message, Meta's own title and the general advice stay", () => {
		expect(refusal('(#190) Error validating access token')).toMatchObject({ title: describeMetaError(190).title, advice: describeMetaError(190).advice });
	});
});

describe('formatMetaError', () => {
	it('names code and title, and puts advice, details and trace id in the description', () => {
		const info = parseGraphError({
			error: { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, error_data: { details: 'More than 24 hours have passed.' }, fbtrace_id: 'AbC123' },
		})!;
		const { message, description } = formatMetaError(info);
		expect(message).toBe('WhatsApp error 131047: Re-engagement message');
		expect(description).toContain(describeMetaError(131047).advice);
		expect(description).toContain('Details: More than 24 hours have passed.');
		expect(description).toContain('AbC123');
		expect(description).not.toContain('WhatsApp said'); // Meta's message only repeats the title
	});

	it("adds Meta's message when it says more than the title", () => {
		const info = parseGraphError({ error: { message: 'Unsupported post request. Object with ID 12 does not exist', code: 100 } })!;
		const { message, description } = formatMetaError(info);
		expect(message).toBe('WhatsApp error 100: Invalid parameter');
		expect(description).toContain('WhatsApp said: Unsupported post request');
		expect(description).toMatch(/Phone Number ID/);
	});
});

describe('C1: the advice never says the node will try again', () => {
	// The same advice explains a webhook's failed status (nothing retries it) and an error after the
	// retries are used up; what the node did is added by the transport, which knows.
	it.each(KNOWN_META_ERROR_CODES)('code %i', (code) => {
		expect(describeMetaError(code).advice).not.toMatch(/the node (waits|tries|slows|retries)|tries again/i);
	});
});

describe("131009's advice fits the message that was sent", () => {
	const refused = () => parseGraphError({ error: { message: '(#131009) Parameter value is not valid', code: 131009 } })!;
	it.each([
		['a Flow', { type: 'interactive', interactive: { type: 'flow' } }, /Flow.*not be published.*case-sensitive/],
		['a product', { type: 'interactive', interactive: { type: 'product' } }, /product retailer ID/],
		['a catalog', { type: 'interactive', interactive: { type: 'catalog_message' } }, /catalog/],
		['a reaction', { type: 'reaction' }, /message older than 30 days/],
		['a read receipt', { status: 'read', message_id: 'wamid.X' }, /message ID is not valid/],
		['a reply to a message', { type: 'text', context: { message_id: 'wamid.X' } }, /replies to/],
	])('%s', (_what, message, advice) => {
		expect(withAdviceForMessage(refused(), message).advice).toMatch(advice);
	});

	it('a plain text keeps the general advice; other codes are untouched', () => {
		expect(withAdviceForMessage(refused(), { type: 'text' }).advice).toBe(describeMetaError(131009).advice);
		const other = parseGraphError({ error: { message: 'x', code: 131047 } })!;
		expect(withAdviceForMessage(other, { type: 'interactive', interactive: { type: 'flow' } })).toBe(other);
	});
});
