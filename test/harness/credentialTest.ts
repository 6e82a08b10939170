/**
 * A credential's "Test" button outside n8n: the request its `test` declares, with n8n expressions
 * filled from the credential, sent over HTTP with the authentication headers the caller gives (so a
 * test can send a wrong token), and the message of the `responseCode` rule the user then reads.
 */
import type { ICredentialDataDecryptedObject, ICredentialTestRequest } from 'n8n-workflow';

/**
 * Fills the n8n expressions of a credential's test request or hidden field: `{{ … }}` is plain
 * JavaScript over `$credentials` (the saved values) and `$self` (the same values, as a credential's
 * own fields read them). A leading `=` marks an expression.
 */
export function evaluateCredentialExpression(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{(.+?)\}\}(?!\})/g, (_match, expression: string) => String(new Function('$credentials', '$self', `return (${expression});`)(credentials, credentials)));
}

/** The HTTP status of the credential's test request, and the message its rule shows for that status (undefined when none). */
export async function runCredentialTest(
	test: ICredentialTestRequest,
	credentials: ICredentialDataDecryptedObject,
	headers: Record<string, string>,
): Promise<{ status: number; message: string | undefined }> {
	const { baseURL = '', url = '', qs = {} } = test.request;
	const query = new URLSearchParams(qs as Record<string, string>).toString();
	const response = await fetch(`${evaluateCredentialExpression(baseURL, credentials)}${evaluateCredentialExpression(url, credentials)}${query ? `?${query}` : ''}`, { headers });
	const rule = test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status);
	return { status: response.status, message: rule && 'message' in rule.properties ? rule.properties.message : undefined };
}
