import { sleep } from 'n8n-workflow';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Pacing of sends per phone number (Meta: Throughput: 80 messages per second by default, 1,000
 * after the upgrade; above it WhatsApp answers 130429). Every request to a number's messages
 * endpoint waits for its turn here, so several items, and several executions in this n8n process,
 * never send above the number's ceiling together.
 */
export interface SendPacer {
	/** Resolves when one more message may go out without exceeding the ceiling; waiting requests go in arrival order. */
	acquire(): Promise<void>;
	/** WhatsApp answered 130429: send more slowly for a while (it recovers by itself). */
	throttled(): void;
	/** WhatsApp answered 131057 (maintenance): nothing goes out from this number for `ms` milliseconds. */
	pause(ms: number): void;
	/** The ceiling in messages per second; the latest setting wins. */
	setCeiling(messagesPerSecond: number): void;
}

/**
 * The shared counter behind a pacer: at most `points` grants per key. rate-limiter-flexible's
 * limiters have this `consume` (it rejects once the points of the key are spent), in memory here
 * and in Redis (RateLimiterRedis) where several n8n processes must share one count.
 */
export interface PacingLedger {
	consume(key: string): Promise<unknown>;
}

/** Makes the ledger for `pointsPerSlot` grants per slot (a new one when the ceiling changes). */
export type PacingLedgerFactory = (pointsPerSlot: number) => PacingLedger;

/**
 * Headroom under the ceiling for the time between a grant here and the moment WhatsApp counts the
 * message (network, event-loop delays): at most the ceiling in ANY window of 1 + 3 % seconds, so a
 * wall-clock second on WhatsApp's side never holds more than the ceiling even when requests arrive
 * up to 30 ms later or earlier than granted.
 */
const DELAY_TOLERANCE = 0.03;
/**
 * The same headroom for a pace shared by several n8n processes through Redis: a grant is known a
 * Redis round trip later, and a worker running several executions delays its requests more
 * (measured in queue mode: 3 % let one second in about 70 hold 81 at a ceiling of 80). 80 ms.
 */
export const SHARED_DELAY_TOLERANCE = 0.08;
/** 130429: the pace drops to this share of itself, at most once per second... */
const SLOW_DOWN = 0.75;
const SLOWEST = 0.1;
/** ...and climbs back by this share of the ceiling per second once no 130429 came for 2 s. */
const RECOVERY_PER_SECOND = 0.05;
const QUIET_BEFORE_RECOVERY_MS = 2000;

/**
 * The rate a pacer grants at, and its slots. Grants go out at the start of slots of
 * `pointsPerSlot` grants each (about 10 ms long at 1,000/s, one grant per slot below 200/s), so a
 * window of `seconds` holds at most `pointsPerSlot × ⌈seconds × rate / pointsPerSlot⌉` grants.
 * With `rate = ceiling / (1 + tolerance)` (whole slots), a window of 1 + tolerance seconds holds
 * at most the ceiling. `share` (0–1] slows it down after 130429.
 */
export function pacingPlan(messagesPerSecond: number, share = 1, tolerance = DELAY_TOLERANCE): { rate: number; pointsPerSlot: number; slotMs: number } {
	const ceiling = Math.max(1, messagesPerSecond);
	const pointsPerSlot = Math.max(1, Math.floor(ceiling / 100));
	const rate = ((pointsPerSlot * Math.floor(ceiling / pointsPerSlot)) / (1 + tolerance)) * share;
	return { rate, pointsPerSlot, slotMs: (1000 * pointsPerSlot) / rate };
}

const memoryLedger: PacingLedgerFactory = (pointsPerSlot) => new RateLimiterMemory({ points: pointsPerSlot, duration: 1 });

/**
 * One phone number's pacer: a queue of waiting requests granted slot by slot from the ledger. When
 * the ledger fails (a Redis that cannot be reached), every waiting request fails with its error.
 */
export class LedgerSendPacer implements SendPacer {
	private readonly waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
	private pumping = false;
	private ceiling = 80;
	private share = 1;
	private throttledAt = 0;
	private recoveredAt = 0;
	private pausedUntil = 0;
	private ledger: PacingLedger;
	private plan = pacingPlan(80);

	/** `tolerance`: the headroom under the ceiling for delays between grant and request (DELAY_TOLERANCE, SHARED_DELAY_TOLERANCE). */
	constructor(
		private readonly key: string,
		private readonly newLedger: PacingLedgerFactory = memoryLedger,
		private readonly tolerance = DELAY_TOLERANCE,
	) {
		this.plan = pacingPlan(80, 1, tolerance);
		this.ledger = newLedger(this.plan.pointsPerSlot);
	}

	setCeiling(messagesPerSecond: number): void {
		if (!(messagesPerSecond > 0) || messagesPerSecond === this.ceiling) return;
		this.ceiling = messagesPerSecond;
		this.replan();
	}

	acquire(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.waiting.push({ resolve, reject });
			this.pump().catch((error: Error) => {
				for (const waiter of this.waiting.splice(0)) waiter.reject(error);
			});
		});
	}

	throttled(): void {
		const now = Date.now();
		if (now - this.throttledAt < 1000) return;
		this.throttledAt = now;
		this.recoveredAt = now;
		this.share = Math.max(SLOWEST, this.share * SLOW_DOWN);
		this.replan();
	}

	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}

	/** The share of the ceiling in use now (1 = full pace); for tests and the output. */
	get currentShare(): number {
		return this.share;
	}

	private replan(): void {
		const before = this.plan.pointsPerSlot;
		this.plan = pacingPlan(this.ceiling, this.share, this.tolerance);
		if (this.plan.pointsPerSlot !== before) this.ledger = this.newLedger(this.plan.pointsPerSlot);
	}

	private recover(now: number): void {
		if (this.share >= 1 || now - this.throttledAt < QUIET_BEFORE_RECOVERY_MS) return;
		this.share = Math.min(1, this.share + (RECOVERY_PER_SECOND * (now - this.recoveredAt)) / 1000);
		this.recoveredAt = now;
		this.replan();
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.waiting.length > 0) {
				const now = Date.now();
				if (now < this.pausedUntil) {
					await sleep(this.pausedUntil - now);
					continue;
				}
				this.recover(now);
				const { slotMs } = this.plan;
				const slot = Math.floor(now / slotMs);
				// The slot's length is part of its name: a new pace starts a fresh series of slots.
				const granted = await this.ledger.consume(`${this.key}:${slotMs.toFixed(3)}:${slot}`).then(
					() => true,
					(rejection: unknown) => {
						if (rejection instanceof Error) throw rejection;
						return false;
					},
				);
				if (granted) this.waiting.shift()!.resolve();
				else await sleep(Math.max(1, (slot + 1) * slotMs - Date.now()));
			}
		} finally {
			this.pumping = false;
		}
	}
}

/** Module scope: every execution in this n8n process that sends from one number shares its pacer. */
const pacers = new Map<string, SendPacer>();
let createPacer: (key: string) => SendPacer = (key) => new LedgerSendPacer(key);

/** A ledger several n8n processes share (Redis), and a name for it that holds no secret. */
export interface SharedPacingLedger {
	name: string;
	ledger: PacingLedgerFactory;
}

/**
 * The pacer of one phone number, keyed by the API host and version and the phone number ID (a
 * 360dialog key names its number: its requests share one pacer per host). The ceiling given is set
 * on it. With `shared`, its grants come from that ledger, so every process using it shares the
 * number's ceiling; without, this process paces alone.
 */
export function pacerFor(numberKey: string, messagesPerSecond: number, shared?: SharedPacingLedger): SendPacer {
	const mapKey = shared ? `${shared.name}\u0000${numberKey}` : numberKey;
	let pacer = pacers.get(mapKey);
	if (!pacer) {
		pacer = shared ? new LedgerSendPacer(numberKey, shared.ledger, SHARED_DELAY_TOLERANCE) : createPacer(numberKey);
		pacers.set(mapKey, pacer);
	}
	pacer.setCeiling(messagesPerSecond);
	return pacer;
}

/**
 * Replaces how pacers are made (e.g. with a ledger in Redis, shared by the workers of n8n's queue
 * mode); pacers made before are forgotten.
 */
export function usePacerFactory(factory: (numberKey: string) => SendPacer): void {
	createPacer = factory;
	pacers.clear();
}
