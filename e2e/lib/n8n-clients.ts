/**
 * HTTP clients for a running n8n: the owner's cookie session (internal /rest) and the public
 * API (/api/v1 with X-N8N-API-KEY). Calls measured on n8n 2.41.0: see e2e/README.md.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonCall = <T = any>(method: HttpMethod, path: string, body?: unknown) => Promise<T>;

/** The owner of every scratch instance (local only; the UI login for the demo). */
export const E2E_OWNER = {
  email: 'owner@e2e.example.com',
  firstName: 'E2E',
  lastName: 'Owner',
  password: 'E2e-owner-Passw0rd', // n8n requires 8+ characters, a digit and a capital letter
};

export class N8nHttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`n8n answered ${status} to ${method} ${path}: ${responseText.slice(0, 500)}`);
    this.name = 'N8nHttpError';
  }
}

async function send(url: string, method: HttpMethod, headers: Record<string, string>, body: unknown, label: string): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new N8nHttpError(method, label, response.status, await response.text());
  return response;
}

async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

/** Creates the owner on a fresh instance, or logs in when the user folder already has one; returns the auth cookie. */
export async function signInOwner(baseUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await send(`${baseUrl}/rest/owner/setup`, 'POST', {}, E2E_OWNER, '/rest/owner/setup');
  } catch (setupError) {
    if (!(setupError instanceof N8nHttpError) || setupError.status !== 400) throw setupError;
    const login = { emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password };
    response = await send(`${baseUrl}/rest/login`, 'POST', {}, login, '/rest/login');
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair.startsWith('n8n-auth='));
  if (!cookie) throw new Error('n8n signed the owner in but set no n8n-auth cookie; the auth flow of this n8n version differs from 2.41.');
  return cookie;
}

/** A cookie-authenticated caller of the internal REST API; unwraps n8n's `{ data }` envelope. */
export function restClient(baseUrl: string, cookie: string): JsonCall {
  return async (method, path, body) => {
    const response = await send(`${baseUrl}/rest${path}`, method, { cookie }, body, `/rest${path}`);
    const json = (await parseJson(response)) as { data?: unknown } | undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (json && typeof json === 'object' && 'data' in json ? json.data : json) as any;
  };
}

/** A caller of the public API (/api/v1); the key never appears in errors. */
export function publicApiClient(baseUrl: string, apiKey: string): JsonCall {
  return async (method, path, body) => {
    const response = await send(`${baseUrl}/api/v1${path}`, method, { 'x-n8n-api-key': apiKey }, body, `/api/v1${path}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await parseJson(response)) as any;
  };
}

/** Creates an API key with every scope the owner may grant (`GET /rest/api-keys/scopes`). */
export async function createApiKey(rest: JsonCall): Promise<string> {
  const scopes = await rest<string[]>('GET', '/api-keys/scopes');
  const created = await rest<{ rawApiKey?: string }>('POST', '/api-keys', {
    label: `e2e ${new Date().toISOString()}`,
    scopes,
    expiresAt: null,
  });
  if (!created.rawApiKey) throw new Error('POST /rest/api-keys returned no rawApiKey; the API-key flow of this n8n version differs from 2.41.');
  return created.rawApiKey;
}
