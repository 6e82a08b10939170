import { recordModuleFor, recordRefOf, targetRecordOutput, type FindOrCreateResult } from '../../../nodes/shared/crm';

const found: FindOrCreateResult = {
	record: { id: '5725767000000524157', module: 'Leads', name: 'Ana Silva', fields: { Created_Time: '2026-05-14T09:51:08+00:00' } },
	created: false,
	adopted: false,
	matchedBy: 'whatsAppId',
	foundOnCreate: true,
	owner: { id: '5725767000000411001', name: '' },
};
const person = { waId: '5511988887777', e164: '+5511988887777' };

describe('the record an operation acts on', () => {
	test("a record the CRM's create found (made moments before) keeps the CRM's creation time and says so", () => {
		expect(recordRefOf(found)).toEqual({ id: '5725767000000524157', module: 'Leads', name: 'Ana Silva', foundOnCreate: true, createdAt: '2026-05-14T09:51:08+00:00' });
	});

	test('a record given by ID is in the chosen Zoho CRM module, else in the one module the CRM has', () => {
		expect([recordModuleFor('zohoCrm', 'Contacts'), recordModuleFor('bigin', 'Leads'), recordModuleFor('zendesk', 'Leads'), recordModuleFor('hubspot', 'Leads')]).toEqual(['Contacts', 'Contacts', 'user', 'contact']);
	});

	test('the output names the whole find-or-create when the node did one, else only the ID and module', () => {
		expect(targetRecordOutput({ record: recordRefOf(found), person, found })).toEqual({
			recordId: '5725767000000524157',
			module: 'Leads',
			created: false,
			adopted: false,
			matchedBy: 'whatsAppId',
			owner: { id: '5725767000000411001' },
			name: 'Ana Silva',
			waId: '5511988887777',
			userId: null,
		});
		expect(targetRecordOutput({ record: { id: '42', module: 'user' }, person })).toEqual({ recordId: '42', module: 'user' });
	});
});
