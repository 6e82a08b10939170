import { nextOwner } from '../../../nodes/shared/crm';

const pool = [
	{ id: 'u1', name: 'Ana' },
	{ id: 'u2', name: 'Bruno' },
	{ id: 'u3', name: 'Carla' },
];

describe('round-robin owner from the CRM records the node created', () => {
	test('no record yet: the first of the pool', () => {
		expect(nextOwner(pool, [])?.id).toBe('u1');
	});

	test('the owner after the owner of the newest record, wrapping around', () => {
		expect(nextOwner(pool, [{ ownerId: 'u1', createdAt: '2026-05-14T09:00:00Z' }])?.id).toBe('u2');
		expect(nextOwner(pool, [{ ownerId: 'u3', createdAt: '2026-05-14T09:00:00Z' }])?.id).toBe('u1');
	});

	test('the newest record counts, whatever order the CRM listed them in', () => {
		const recent = [
			{ ownerId: 'u1', createdAt: '2026-05-14T09:00:00Z', id: '100' },
			{ ownerId: 'u2', createdAt: '2026-05-14T09:05:00Z', id: '101' },
		];
		expect(nextOwner(pool, recent)?.id).toBe('u3');
	});

	test('records made in the same second are ordered by their increasing IDs', () => {
		const recent = [
			{ ownerId: 'u2', createdAt: '2026-05-14T09:00:00Z', id: '99' },
			{ ownerId: 'u1', createdAt: '2026-05-14T09:00:00Z', id: '100' },
		];
		expect(nextOwner(pool, recent)?.id).toBe('u2');
	});

	test('a newest record reassigned by hand to someone outside the pool is skipped', () => {
		const recent = [
			{ ownerId: 'admin', createdAt: '2026-05-14T09:10:00Z' },
			{ ownerId: 'u2', createdAt: '2026-05-14T09:05:00Z' },
		];
		expect(nextOwner(pool, recent)?.id).toBe('u3');
	});

	test('an empty pool chooses nobody', () => {
		expect(nextOwner([], [{ ownerId: 'u1' }])).toBeUndefined();
	});
});
