/**
 * Per phone number throughput (Meta's Throughput page: 80 messages per second by default, 1,000
 * after the automatic upgrade, 20 for numbers shared with the WhatsApp Business app; above it the
 * API answers 130429) and an exact account of what each number sent in every wall-clock second,
 * so a client's pacing can be judged: a second with more accepted messages than the ceiling is a
 * "ceiling violation".
 */
import type { EmulatorConfig } from '../config';

/**
 * `throughput.level` of GET /{phone-number-id} and its messages per second. Meta's phone number
 * reference shows `STANDARD`; `HIGH` (1,000 mps) is the value third-party SDKs document.
 */
export const THROUGHPUT_LEVELS: Readonly<Record<string, number>> = { STANDARD: 80, HIGH: 1000 };

/** One number's setting in config.throughput.phoneNumbers; either field may be left out. */
export interface PhoneNumberThroughput {
	/** Reported as `throughput.level`; sets the ceiling when messagesPerSecond is not given. */
	level?: string;
	/** The ceiling in messages per second (custom values such as 20 for coexistence numbers). */
	messagesPerSecond?: number;
}

export interface ThroughputSetting {
	level: string;
	messagesPerSecond: number;
}

/**
 * The ceiling and level of one number: its own entry, else config.throughput.messagesPerSecond.
 * A rate without a level reports HIGH at 1,000 mps and above, else STANDARD.
 */
export function throughputOf(config: EmulatorConfig, phoneNumberId: string): ThroughputSetting {
	const own = config.throughput.phoneNumbers[phoneNumberId] ?? {};
	const messagesPerSecond = own.messagesPerSecond ?? (own.level !== undefined ? THROUGHPUT_LEVELS[own.level] : undefined) ?? config.throughput.messagesPerSecond;
	return { level: own.level ?? (messagesPerSecond >= THROUGHPUT_LEVELS.HIGH ? 'HIGH' : 'STANDARD'), messagesPerSecond };
}

/** Problems with a config.throughput.phoneNumbers value (PATCH /__emulator/config). */
export function checkPhoneNumberThroughputs(value: unknown): string[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return ['"throughput.phoneNumbers" must be an object such as {"106540352242922": {"level": "HIGH"}}'];
	}
	const problems: string[] = [];
	for (const [id, entry] of Object.entries(value)) {
		const { level, messagesPerSecond, ...rest } = (entry ?? {}) as Record<string, unknown>;
		const where = `throughput.phoneNumbers["${id}"]`;
		if (Object.keys(rest).length > 0) problems.push(`${where} takes only level and messagesPerSecond`);
		if (level !== undefined && (typeof level !== 'string' || (messagesPerSecond === undefined && !(level in THROUGHPUT_LEVELS)))) {
			problems.push(`${where}.level must be ${Object.keys(THROUGHPUT_LEVELS).join(' or ')}, or any string together with messagesPerSecond`);
		}
		if (messagesPerSecond !== undefined && !(typeof messagesPerSecond === 'number' && messagesPerSecond > 0)) {
			problems.push(`${where}.messagesPerSecond must be a positive number`);
		}
	}
	return problems;
}

interface SecondCount {
	accepted: number;
	/** Sends refused with 130429 in that second. */
	refused: number;
	/** The ceiling in force (the highest, if it changed during the second). */
	ceiling: number;
}

/** One wall-clock second of one number, as GET /__emulator/throughput lists it. */
export interface ThroughputSecond {
	/** Unix time in seconds (UTC) of the second's start. */
	second: number;
	accepted: number;
	refused: number;
	ceiling: number;
}

/** GET /__emulator/throughput: one entry per phone number that sent or was refused anything. */
export interface ThroughputReport {
	phoneNumberId: string;
	/** The number's current level and ceiling (messages per second). */
	level: string;
	messagesPerSecond: number;
	/** Totals over the account: accepted messages and 130429 refusals. */
	accepted: number;
	refused: number;
	/** The most messages accepted in one wall-clock second. */
	maxPerSecond: number;
	/** How many seconds accepted more messages than that second's ceiling. */
	violations: number;
	violatingSeconds: ThroughputSecond[];
	/** Every second from the first to the last send, zeros included (for plots), oldest first. */
	seconds: ThroughputSecond[];
}

/** Counts accepted and refused sends per phone number and wall-clock second of the emulator's clock. */
export class ThroughputAccount {
	private readonly numbers = new Map<string, Map<number, SecondCount>>();

	recordAccepted(phoneNumberId: string, nowMs: number, ceiling: number): void {
		this.countOf(phoneNumberId, nowMs, ceiling).accepted += 1;
	}

	recordRefused(phoneNumberId: string, nowMs: number, ceiling: number): void {
		this.countOf(phoneNumberId, nowMs, ceiling).refused += 1;
	}

	clear(): void {
		this.numbers.clear();
	}

	report(config: EmulatorConfig, phoneNumberId?: string): ThroughputReport[] {
		const ids = phoneNumberId ? [phoneNumberId] : [...this.numbers.keys()].sort();
		return ids.filter((id) => this.numbers.has(id)).map((id) => this.reportOf(config, id, this.numbers.get(id)!));
	}

	private reportOf(config: EmulatorConfig, phoneNumberId: string, counts: Map<number, SecondCount>): ThroughputReport {
		let first = Infinity;
		let last = -Infinity;
		for (const second of counts.keys()) {
			first = Math.min(first, second);
			last = Math.max(last, second);
		}
		const seconds: ThroughputSecond[] = [];
		const setting = throughputOf(config, phoneNumberId);
		for (let second = first; second <= last; second += 1) {
			const count = counts.get(second);
			seconds.push({ second, accepted: count?.accepted ?? 0, refused: count?.refused ?? 0, ceiling: count?.ceiling ?? setting.messagesPerSecond });
		}
		const violatingSeconds = seconds.filter((entry) => entry.accepted > entry.ceiling);
		return {
			phoneNumberId,
			...setting,
			accepted: seconds.reduce((sum, entry) => sum + entry.accepted, 0),
			refused: seconds.reduce((sum, entry) => sum + entry.refused, 0),
			maxPerSecond: seconds.reduce((max, entry) => Math.max(max, entry.accepted), 0),
			violations: violatingSeconds.length,
			violatingSeconds,
			seconds,
		};
	}

	private countOf(phoneNumberId: string, nowMs: number, ceiling: number): SecondCount {
		let counts = this.numbers.get(phoneNumberId);
		if (!counts) {
			counts = new Map();
			this.numbers.set(phoneNumberId, counts);
		}
		const second = Math.floor(nowMs / 1000);
		let count = counts.get(second);
		if (!count) {
			count = { accepted: 0, refused: 0, ceiling };
			counts.set(second, count);
		}
		count.ceiling = Math.max(count.ceiling, ceiling);
		return count;
	}
}
