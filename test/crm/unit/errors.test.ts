import { crmError, nameParts, zendeskExternalId, zohoDateTime } from '../../../nodes/shared/crm';

const response = (status: number, body: unknown) => ({ status, body, headers: {} });

describe('CRM errors name the fix', () => {
	test('Zoho INVALID_TOKEN: reconnect the credential', () => {
		const error = crmError('zohoCrm', response(401, { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' }), 'search Leads');
		expect(error.message).toBe('Zoho CRM: the access token was refused (expired or revoked)');
		expect(error.description).toMatch(/Reconnect/);
	});

	test('Zoho OAUTH_SCOPE_MISMATCH names the Bigin scopes for Bigin', () => {
		const error = crmError('bigin', response(401, { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope', status: 'error' }), 'create the contact');
		expect(error.description).toContain('ZohoBigin.modules.ALL');
	});

	test('a Zoho per-record MANDATORY_NOT_FOUND names the field to add', () => {
		const error = crmError(
			'zohoCrm',
			response(400, { data: [{ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Company' }, message: 'required field not found', status: 'error' }] }),
			'create the lead',
		);
		expect(error.message).toContain('Company');
		expect(error.description).toMatch(/Additional Fields|Company/);
	});

	test("Zendesk 401: check email and token", () => {
		expect(crmError('zendesk', response(401, { error: "Couldn't authenticate you" }), 'search users').description).toMatch(/API token/);
	});

	test('Zendesk 422 RecordInvalid lists the fields', () => {
		const error = crmError('zendesk', response(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { phone: [{ description: 'Phone is invalid', error: 'InvalidValue' }] } }), 'create the end user');
		expect(error.message).toContain('phone: Phone is invalid');
	});

	test('HubSpot 403 MISSING_SCOPES names the scopes HubSpot asked for', () => {
		const error = crmError(
			'hubspot',
			response(403, { status: 'error', category: 'MISSING_SCOPES', message: 'This app hasnt been granted all required scopes', errors: [{ context: { requiredGranularScopes: ['crm.objects.owners.read'] } }] }),
			'list owners',
		);
		expect(error.description).toContain('crm.objects.owners.read');
	});

	test('a 429 left after the retries says to run again later', () => {
		expect(crmError('hubspot', response(429, { status: 'error', message: 'You have reached your secondly limit.', policyName: 'SECONDLY' }), 'search contacts').message).toMatch(/too many requests/);
	});
});

describe('names and keys', () => {
	test('the profile name splits into first and last name; no name falls back to the number', () => {
		expect(nameParts({ waId: '1', profileName: 'Ana Maria  Silva' })).toEqual({ firstName: 'Ana Maria', lastName: 'Silva', fullName: 'Ana Maria Silva' });
		expect(nameParts({ waId: '447700900123', e164: '+447700900123' })).toEqual({ lastName: 'WhatsApp +447700900123', fullName: 'WhatsApp +447700900123' });
	});

	test('Zendesk external_id: whatsapp:{wa_id}, or the BSUID when the number is hidden', () => {
		expect(zendeskExternalId({ waId: '447700900123' })).toBe('whatsapp:447700900123');
		expect(zendeskExternalId({ waId: '', userId: 'US.1' })).toBe('whatsapp-user:US.1');
	});

	test('Zoho DateTime: seconds and an explicit UTC offset', () => {
		expect(zohoDateTime('2026-05-14T09:51:07.123Z')).toBe('2026-05-14T09:51:07+00:00');
	});
});
