import { WhatsAppValidationError } from '../../nodes/shared/whatsapp/validationError';

/** Runs `build`, expects a WhatsAppValidationError on `field`, and returns it for more checks. */
export function expectValidationError(build: () => unknown, field: string, fix?: RegExp | string): WhatsAppValidationError {
	let caught: unknown;
	try {
		build();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(WhatsAppValidationError);
	const error = caught as WhatsAppValidationError;
	expect(error.field).toBe(field);
	expect(error.message.length).toBeGreaterThan(0);
	expect(error.fix.length).toBeGreaterThan(0);
	if (fix !== undefined) expect(error.fix).toMatch(fix);
	return error;
}
