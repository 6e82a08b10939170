/** What a user, a log or the execution record can see of an error, to look for secrets in. */

/** Every text an n8n error carries where a user, a log or the execution record can see it, as one string. */
export function everythingShown(error: unknown): string {
	const fields = error as { message?: string; description?: string; messages?: string[]; errorResponse?: unknown; context?: unknown; cause?: { message?: string }; stack?: string; toJSON?: () => unknown };
	return JSON.stringify([fields.message, fields.description, fields.messages, fields.errorResponse, fields.context, fields.cause?.message, fields.stack, fields.toJSON?.()]);
}

/** Asserts that none of `secrets` appears in `text`. */
export function expectNoSecret(text: string, secrets: readonly string[]): void {
	for (const secret of secrets) expect(text).not.toContain(secret);
}
