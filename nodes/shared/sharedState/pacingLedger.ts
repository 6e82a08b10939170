import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { SharedPacingLedger } from '../transport/pacing';
import { KEY_PREFIX, type SharedState } from './redis';

/**
 * The pacer's ledger in Redis: rate-limiter-flexible's RateLimiterRedis, whose `consume` increments
 * the slot's counter and sets its expiry in one Lua script, so every n8n process granting from one
 * number's slots counts against the same points (the number's ceiling shared by all workers).
 * One round trip to Redis per grant.
 */
export function redisPacingLedger(state: SharedState): SharedPacingLedger {
	return {
		name: state.label,
		ledger: (pointsPerSlot) => {
			// A limiter per client: the client is replaced after it was closed for being idle.
			const limiters = new WeakMap<Redis, RateLimiterRedis>();
			return {
				consume: async (key) =>
					await state.run(async (redis) => {
						let limiter = limiters.get(redis);
						if (!limiter) {
							limiter = new RateLimiterRedis({ storeClient: redis, points: pointsPerSlot, duration: 1, keyPrefix: `${KEY_PREFIX}pace` });
							limiters.set(redis, limiter);
						}
						return await limiter.consume(key);
					}),
			};
		},
	};
}
