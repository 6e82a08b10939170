import { SeenEventIds } from '../../../nodes/shared/whatsapp/webhook';

function clock(start = 1_750_000_000_000) {
	let now = start;
	return { now: () => now, advanceSeconds: (seconds: number) => (now += seconds * 1000) };
}

describe('SeenEventIds', () => {
	it('says true the first time and false for a repeat', () => {
		const seen = new SeenEventIds({ maxEntries: 10, maxAgeSeconds: 60 });
		expect(seen.checkAndRemember('wamid.A')).toBe(true);
		expect(seen.checkAndRemember('wamid.A')).toBe(false);
		expect(seen.checkAndRemember('wamid.A:read')).toBe(true);
	});

	it('forgets the oldest id when full, never holding more than maxEntries', () => {
		const time = clock();
		const seen = new SeenEventIds({ maxEntries: 3, maxAgeSeconds: 3600, now: time.now });
		for (const id of ['a', 'b', 'c', 'd']) {
			expect(seen.checkAndRemember(id)).toBe(true);
			time.advanceSeconds(1);
		}
		expect(seen.size).toBe(3);
		expect(seen.checkAndRemember('b')).toBe(false); // still remembered
		expect(seen.checkAndRemember('a')).toBe(true); // evicted, so new again
		expect(seen.size).toBe(3);
	});

	it('forgets an id once it is older than maxAgeSeconds, counted from first sight', () => {
		const time = clock();
		const seen = new SeenEventIds({ maxEntries: 100, maxAgeSeconds: 60, now: time.now });
		seen.checkAndRemember('wamid.A');
		time.advanceSeconds(59);
		expect(seen.checkAndRemember('wamid.A')).toBe(false);
		time.advanceSeconds(1);
		expect(seen.checkAndRemember('wamid.A')).toBe(true);
	});

	it('drops expired ids as time passes, so memory shrinks without new repeats', () => {
		const time = clock();
		const seen = new SeenEventIds({ maxEntries: 100, maxAgeSeconds: 10, now: time.now });
		for (let index = 0; index < 50; index++) seen.checkAndRemember(`old-${index}`);
		time.advanceSeconds(11);
		seen.checkAndRemember('fresh');
		expect(seen.size).toBe(1);
	});

	it('stays bounded under a long stream of distinct ids', () => {
		const time = clock();
		const seen = new SeenEventIds({ maxEntries: 1000, maxAgeSeconds: 86_400, now: time.now });
		for (let index = 0; index < 20_000; index++) seen.checkAndRemember(`wamid.${index}`);
		expect(seen.size).toBe(1000);
		expect(seen.checkAndRemember('wamid.19999')).toBe(false);
		expect(seen.checkAndRemember('wamid.18999')).toBe(true);
	});

	it('round-trips through JSON (for workflow static data) and keeps working', () => {
		const time = clock();
		const options = { maxEntries: 5, maxAgeSeconds: 60, now: time.now };
		const seen = new SeenEventIds(options);
		seen.checkAndRemember('a');
		time.advanceSeconds(30);
		seen.checkAndRemember('b');
		const stored = JSON.parse(JSON.stringify(seen));
		expect(stored).toEqual({ version: 1, entries: [['a', 1_750_000_000_000], ['b', 1_750_000_030_000]] });

		const restored = SeenEventIds.fromJSON(stored, options);
		expect(restored.checkAndRemember('b')).toBe(false);
		time.advanceSeconds(30); // 'a' is now 60 s old
		expect(restored.checkAndRemember('a')).toBe(true);
	});

	it('restores with the new bounds applied, keeping the newest ids', () => {
		const time = clock();
		const stored = { version: 1, entries: [['c', time.now() - 3000], ['a', time.now() - 1000], ['b', time.now() - 2000], ['old', time.now() - 999_000]] };
		const restored = SeenEventIds.fromJSON(stored, { maxEntries: 2, maxAgeSeconds: 60, now: time.now });
		expect(restored.size).toBe(2);
		expect(restored.toJSON().entries.map(([id]) => id)).toEqual(['b', 'a']);
	});

	it.each([null, 'garbage', 42, { entries: 'x' }, { entries: [['ok', 'not-a-time'], [1, 2], null, 'x'] }])(
		'starts empty from unreadable stored data %j instead of failing',
		(data) => {
			const restored = SeenEventIds.fromJSON(data, { maxEntries: 5, maxAgeSeconds: 60 });
			expect(restored.size).toBe(0);
			expect(restored.checkAndRemember('ok')).toBe(true);
		},
	);

	it.each([
		[{ maxEntries: 0, maxAgeSeconds: 60 }, /maxEntries/],
		[{ maxEntries: 2.5, maxAgeSeconds: 60 }, /maxEntries/],
		[{ maxEntries: 5, maxAgeSeconds: 0 }, /maxAgeSeconds/],
		[{ maxEntries: 5, maxAgeSeconds: Number.NaN }, /maxAgeSeconds/],
	])('rejects impossible bounds %j with a message naming the option', (options, message) => {
		expect(() => new SeenEventIds(options)).toThrow(message);
	});
});
