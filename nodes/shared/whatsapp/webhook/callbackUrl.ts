/**
 * Whether Meta can deliver to a callback URL. Meta only calls public HTTPS addresses with a valid
 * certificate, verifies each one with a GET from the internet (Meta: Create a webhook endpoint), and
 * takes override URLs of at most 200 characters (Meta: Webhook overrides). A URL on localhost, on a
 * private network or without a domain can never receive Meta's webhooks, so it is refused before
 * any call to Meta, with the fix. Nothing here reads n8n: the trigger passes the URL n8n gave it.
 */
import { BlockList, isIP } from 'node:net';

export type CallbackUrlProblem = 'not-a-url' | 'not-https' | 'local-host' | 'private-address' | 'no-domain' | 'too-long';

/** Override URLs are at most 200 characters (Meta: Webhook overrides). */
export const MAX_CALLBACK_URL_LENGTH = 200;

/** Loopback, private, link-local, carrier-grade NAT and unspecified ranges (RFC 1918, 6598, 4193, 4291). */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
	NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Names that only resolve inside a machine or a local network. */
const LOCAL_SUFFIXES = ['localhost', '.localhost', '.local', '.internal', '.lan', '.home.arpa'];

function hostProblem(hostname: string): CallbackUrlProblem | undefined {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	const family = isIP(host);
	if (family === 4 || family === 6) {
		const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
		const blocked = mapped ? NON_PUBLIC.check(mapped[1], 'ipv4') : NON_PUBLIC.check(host, family === 4 ? 'ipv4' : 'ipv6');
		return blocked ? 'private-address' : undefined;
	}
	if (LOCAL_SUFFIXES.some((suffix) => host === suffix.replace(/^\./, '') || host.endsWith(suffix))) return 'local-host';
	return host.includes('.') ? undefined : 'no-domain';
}

/** Why Meta cannot deliver to this URL, or undefined when it looks deliverable. */
export function callbackUrlProblem(url: string): CallbackUrlProblem | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'not-a-url';
	}
	if (parsed.protocol !== 'https:') return 'not-https';
	const problem = hostProblem(parsed.hostname);
	if (problem) return problem;
	return url.length > MAX_CALLBACK_URL_LENGTH ? 'too-long' : undefined;
}

const WHY: Record<CallbackUrlProblem, string> = {
	'not-a-url': 'is not a full URL (WEBHOOK_URL must include https://)',
	'not-https': 'does not start with https:// (Meta delivers over HTTPS only)',
	'local-host': 'names this machine or a local network, which Meta cannot reach',
	'private-address': 'is a private or loopback address, which Meta cannot reach',
	'no-domain': 'has a host name without a domain, which Meta cannot look up',
	'too-long': `is longer than the ${MAX_CALLBACK_URL_LENGTH} characters Meta accepts for a callback`,
};

/** The fix for each problem, in the words of someone running n8n. */
export function callbackUrlAdvice(url: string, problem: CallbackUrlProblem): { message: string; fix: string } {
	const expose =
		"Set n8n's WEBHOOK_URL environment variable to the public https:// address that reaches this n8n (your domain behind a reverse proxy with a certificate, or a tunnel such as ngrok or Cloudflare Tunnel), restart n8n and activate the workflow again.";
	const fix =
		problem === 'too-long'
			? 'Use a shorter public address for n8n (WEBHOOK_URL), then activate the workflow again.'
			: `${expose} Or choose Registration "Manual" and set a callback in the App Dashboard yourself.`;
	return { message: `Meta only delivers webhooks to a public HTTPS address, but this trigger's URL ${url} ${WHY[problem]}.`, fix };
}

/** Meta's Graph API host (graph.facebook.com and its regional or beta variants): the only place the refusal applies. */
export function isMetaGraphHost(baseUrl: string): boolean {
	try {
		const host = new URL(baseUrl).hostname.toLowerCase();
		return host === 'facebook.com' || host.endsWith('.facebook.com');
	} catch {
		return false;
	}
}
