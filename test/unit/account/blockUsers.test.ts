import { buildBlockUsersBody, readBlockedUsersPage, readBlockUsersResponse } from '../../../nodes/shared/whatsapp/account/blockUsers';
import { expectValidationError } from '../../harness/expectValidationError';

describe('block lists (Meta: Block users)', () => {
	it('builds the request from a comma list or an array, in E.164, each user once', () => {
		expect(buildBlockUsersBody('+1 650-555-1234, 16505551235\n16505551234')).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '+16505551234' }, { user: '+16505551235' }],
		});
		expect(buildBlockUsersBody(['07700 900123'], 'GB').block_users).toEqual([{ user: '+447700900123' }]);
	});

	it('no user, or a number that cannot be read, is an error on the Users field', () => {
		expectValidationError(() => buildBlockUsersBody(' , '), 'users', /from.waId/);
		expectValidationError(() => buildBlockUsersBody('12'), 'users');
	});

	it("reads Meta's mixed answer: successes, then failures with their error", () => {
		const answer = {
			messaging_product: 'whatsapp',
			block_users: {
				added_users: [{ input: '+16505551234', wa_id: '16505551234' }],
				failed_users: [{ input: '+16505551235', wa_id: '16505551235', errors: [{ message: 'Re-engagement required', code: 131047, error_data: { details: 'User has not messaged in the last 24 hours' } }] }],
			},
		};
		expect(readBlockUsersResponse(answer, 'block')).toEqual([
			{ input: '+16505551234', waId: '16505551234', result: 'blocked' },
			{ input: '+16505551235', waId: '16505551235', result: 'failed', error: { code: 131047, message: 'Re-engagement required', details: 'User has not messaged in the last 24 hours' } },
		]);
		expect(readBlockUsersResponse({ block_users: { removed_users: [{ input: '+1', wa_id: '1' }] } }, 'unblock')).toEqual([{ input: '+1', waId: '1', result: 'unblocked' }]);
	});

	it("reads the block list in both documented shapes: the Block users page's nested one and the OpenAPI's flat one", () => {
		expect(readBlockedUsersPage({ data: [{ block_users: [{ input: '+16505551234', wa_id: '16505551234' }, { input: '+2', wa_id: '2' }] }] })).toEqual(['16505551234', '2']);
		expect(readBlockedUsersPage({ data: [{ messaging_product: 'whatsapp', wa_id: '16505551234' }] })).toEqual(['16505551234']);
		expect(readBlockedUsersPage({})).toEqual([]);
	});
});
