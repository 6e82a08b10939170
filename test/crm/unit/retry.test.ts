import { parseRetryAfter, retryDelaySeconds } from '../../../nodes/shared/crm';

const answer = (status: number, headers: Record<string, string> = {}, body?: unknown) => ({ status, headers, body });

describe('when a CRM answer is retried', () => {
	test('429 waits what Retry-After says (seconds)', () => {
		expect(retryDelaySeconds(answer(429, { 'retry-after': '7' }), 0, false)).toBe(7);
	});

	test('Retry-After as an HTTP date', () => {
		expect(parseRetryAfter('Thu, 14 May 2026 09:51:10 GMT', Date.parse('2026-05-14T09:51:07Z'))).toBe(3);
	});

	test("HubSpot's ten-second window when no header says more", () => {
		expect(retryDelaySeconds(answer(429, {}, { policyName: 'TEN_SECONDLY_ROLLING' }), 0, false)).toBe(10);
	});

	test('without advice: 1, 2, 4 seconds, then give up', () => {
		expect([0, 1, 2, 3].map((attempt) => retryDelaySeconds(answer(429), attempt, false))).toEqual([1, 2, 4, undefined]);
	});

	test('a 500 to a request that may have been carried out (a note) is not repeated; to an idempotent one it is', () => {
		expect(retryDelaySeconds(answer(500), 0, false)).toBeUndefined();
		expect(retryDelaySeconds(answer(500), 0, true)).toBe(1);
	});

	test('503 (refused) is repeated for any request', () => {
		expect(retryDelaySeconds(answer(503, { 'retry-after': '2' }), 0, false)).toBe(2);
	});

	test('an advised wait longer than the limit gives up instead of blocking the workflow', () => {
		expect(retryDelaySeconds(answer(429, { 'retry-after': '3600' }), 0, true)).toBeUndefined();
	});

	test('4xx other than 429 are never retried', () => {
		expect(retryDelaySeconds(answer(400), 0, true)).toBeUndefined();
		expect(retryDelaySeconds(answer(401), 0, true)).toBeUndefined();
	});
});
