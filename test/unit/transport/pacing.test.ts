import fc from 'fast-check';
import { LedgerSendPacer, pacingPlan, type PacingLedger } from '../../../nodes/shared/transport/pacing';

/** The pacer's arithmetic and its queue; what it does against WhatsApp is judged by the emulator (test/node/bulkSend.test.ts). */
describe('pacing plan (Meta: Throughput)', () => {
	test('grants at slot starts never put more than the ceiling in any window of 1.03 s (a second plus 30 ms of network delay)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5000 }), (ceiling) => {
				const { rate, pointsPerSlot, slotMs } = pacingPlan(ceiling);
				// Slot starts in a window of 1030 ms: at most ⌈1030 / slotMs⌉, each granting pointsPerSlot.
				expect(pointsPerSlot * Math.ceil(1030 / slotMs - 1e-9)).toBeLessThanOrEqual(ceiling);
				expect(rate).toBeGreaterThanOrEqual(ceiling * 0.96);
			}),
		);
	});

	test('after 130429 the pace is a share of the ceiling', () => {
		expect(pacingPlan(80, 0.5).rate).toBeCloseTo(pacingPlan(80).rate / 2);
	});
});

describe('LedgerSendPacer', () => {
	test('requests waiting for their turn are granted in the order they asked', async () => {
		const consumed: string[] = [];
		const ledger: PacingLedger = { consume: async (key) => void consumed.push(key) };
		const pacer = new LedgerSendPacer('number-1', () => ledger);
		pacer.setCeiling(1000);
		const order: number[] = [];
		await Promise.all(Array.from({ length: 20 }, (_, i) => pacer.acquire().then(() => order.push(i))));
		expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(consumed.every((key) => key.startsWith('number-1:'))).toBe(true);
	});

	test('a ledger that refuses makes the request wait for the next slot, then grants it', async () => {
		let refusals = 1;
		const ledger: PacingLedger = {
			consume: async () => {
				if (refusals-- > 0) throw { msBeforeNext: 5 };
			},
		};
		const pacer = new LedgerSendPacer('number-2', () => ledger);
		await expect(pacer.acquire()).resolves.toBeUndefined();
		expect(refusals).toBe(-1);
	});
});
