/**
 * A value that Meta would reject, caught before any request is made. `field` names the input to
 * change and `fix` says, in plain words, how to change it.
 */
export class WhatsAppValidationError extends Error {
	constructor(
		message: string,
		public readonly field: string,
		public readonly fix: string,
	) {
		super(message);
		this.name = 'WhatsAppValidationError';
	}
}
