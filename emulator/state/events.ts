/**
 * The hooks a webhook sender (or a test) listens to: `inbound` when a user message is recorded,
 * `status` when an outbound message changes status, `templateStatus` when a review ends.
 */
import { EventEmitter } from 'node:events';
import type { InboundMessage, StatusEvent, TemplateStatusEvent } from './types';

interface EventMap {
	inbound: InboundMessage;
	status: StatusEvent;
	templateStatus: TemplateStatusEvent;
}

export class EmulatorEvents {
	private readonly emitter = new EventEmitter();

	on<K extends keyof EventMap>(event: K, listener: (payload: EventMap[K]) => void): () => void {
		this.emitter.on(event, listener);
		return () => this.emitter.off(event, listener);
	}

	/** Listeners run after the current request has been answered, like Meta's asynchronous webhooks. */
	emit<K extends keyof EventMap>(event: K, payload: EventMap[K]): void {
		setImmediate(() => {
			try {
				this.emitter.emit(event, payload);
			} catch (error) {
				// A failing listener must not take the emulator down with it.
				console.error(`[emulator] ${event} listener failed:`, error);
			}
		});
	}
}
