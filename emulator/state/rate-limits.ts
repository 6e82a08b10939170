/**
 * Token buckets for Meta's Throughput page: the per-number throughput ceiling (130429) and the per-recipient pair
 * rate (131056). Each bucket refills continuously from the injected clock, so tests are exact.
 */
interface Bucket {
	tokens: number;
	updatedAt: number;
}

export interface BucketShape {
	/** Most tokens the bucket can hold (the burst). */
	capacity: number;
	/** Tokens added per millisecond. */
	refillPerMs: number;
}

export class TokenBuckets {
	private readonly buckets = new Map<string, Bucket>();

	/** Takes one token if there is one; false means "over the limit, try later". */
	tryTake(key: string, shape: BucketShape, now: number): boolean {
		const bucket = this.buckets.get(key) ?? { tokens: shape.capacity, updatedAt: now };
		const elapsed = Math.max(0, now - bucket.updatedAt);
		bucket.tokens = Math.min(shape.capacity, bucket.tokens + elapsed * shape.refillPerMs);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	clear(): void {
		this.buckets.clear();
	}
}
