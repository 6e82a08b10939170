/**
 * Our webhook normaliser's own cost, in this process (no n8n): the time to turn one inbound batch
 * of N messages from N users into events, for several N. Linear means the time per message stays flat.
 */
import { normaliseWebhook } from '../../nodes/shared/whatsapp/webhook';
import { inboundBatch } from './webhook-payloads';

export interface NormaliserFigure {
	batchSize: number;
	/** Median milliseconds to normalise one batch. */
	msPerBatch: number;
	/** msPerBatch / batchSize, in microseconds. */
	usPerMessage: number;
}

/** Median of `repeats` timed runs per batch size (after a warm-up), bounded to ~2 s per size. */
export function measureNormaliser(batchSizes: number[], repeats = 30): NormaliserFigure[] {
	return batchSizes.map((batchSize) => {
		const body = inboundBatch(batchSize, 1);
		for (let warm = 0; warm < 5; warm += 1) normaliseWebhook(body);
		const times: number[] = [];
		const deadline = performance.now() + 2000;
		for (let run = 0; run < repeats && performance.now() < deadline; run += 1) {
			const started = performance.now();
			const events = normaliseWebhook(body);
			times.push(performance.now() - started);
			if (events.length !== batchSize) throw new Error(`normaliseWebhook returned ${events.length} events for ${batchSize} messages`);
		}
		times.sort((a, b) => a - b);
		const msPerBatch = times[Math.floor(times.length / 2)];
		return { batchSize, msPerBatch, usPerMessage: (msPerBatch * 1000) / batchSize };
	});
}
