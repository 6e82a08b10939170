/**
 * The customer-service window (Meta: Customer service windows): every inbound message opens or refreshes a window of
 * `customerServiceWindowMs` (24 h) per (phone-number-id, wa_id). Outside it only templates go out.
 */
export class CustomerServiceWindows {
	private readonly lastInboundAt = new Map<string, number>();

	recordInbound(phoneNumberId: string, waId: string, at: number): void {
		const key = `${phoneNumberId}:${waId}`;
		this.lastInboundAt.set(key, Math.max(at, this.lastInboundAt.get(key) ?? 0));
	}

	/** When the window closes, or undefined if the user never wrote to this number. */
	closesAt(phoneNumberId: string, waId: string, windowMs: number): number | undefined {
		const last = this.lastInboundAt.get(`${phoneNumberId}:${waId}`);
		return last === undefined ? undefined : last + windowMs;
	}

	isOpen(phoneNumberId: string, waId: string, windowMs: number, now: number): boolean {
		const closesAt = this.closesAt(phoneNumberId, waId, windowMs);
		return closesAt !== undefined && now < closesAt;
	}

	clear(): void {
		this.lastInboundAt.clear();
	}
}
