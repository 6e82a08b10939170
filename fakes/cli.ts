/**
 * Command line: `npx tsx fakes/cli.ts serve <zoho|zendesk|hubspot|all> [--port N] [--host H] [--config file.json]`
 * starts the fakes and prints their URLs and the credentials to paste into n8n. With `all`,
 * `--port N` gives N, N+1 and N+2 (zoho, zendesk, hubspot); the default 0 lets the OS pick.
 * `--config` takes a JSON file with the keys of `PATCH /__fake/config`; with `all` it may hold
 * `{ "zoho": {…}, "zendesk": {…}, "hubspot": {…} }`. Stops on Ctrl-C.
 */
import { readFileSync } from 'node:fs';
import { credentialsFor, startCrmFake, ZOHO_SEED, type RunningCrmFake } from './index';

const KINDS = ['zoho', 'zendesk', 'hubspot'] as const;
type Kind = (typeof KINDS)[number];
const USAGE = 'Usage: npx tsx fakes/cli.ts serve <zoho|zendesk|hubspot|all> [--port N] [--host 127.0.0.1] [--config file.json]';

interface Arguments {
	kinds: Kind[];
	port: number;
	host: string;
	config: Record<string, unknown>;
}

export function parseArguments(argv: string[]): Arguments {
	const [command, which, ...rest] = argv;
	if (command !== 'serve' || !which) throw new Error(USAGE);
	const kinds = which === 'all' ? [...KINDS] : KINDS.filter((kind) => kind === which);
	if (kinds.length === 0) throw new Error(`Unknown fake "${which}". ${USAGE}`);
	const parsed: Arguments = { kinds, port: 0, host: '127.0.0.1', config: {} };
	for (let index = 0; index < rest.length; index += 2) {
		const [flag, value] = [rest[index], rest[index + 1]];
		if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
		if (flag === '--port') parsed.port = Number(value);
		else if (flag === '--host') parsed.host = value;
		else if (flag === '--config') parsed.config = JSON.parse(readFileSync(value, 'utf8')) as Record<string, unknown>;
		else throw new Error(`Unknown option ${flag}. ${USAGE}`);
	}
	if (!Number.isInteger(parsed.port) || parsed.port < 0 || parsed.port > 65533) throw new Error('--port must be 0–65533 (0 picks free ports).');
	return parsed;
}

function configFor(args: Arguments, kind: Kind): Record<string, unknown> {
	const nested = args.config[kind];
	if (typeof nested === 'object' && nested !== null) return nested as Record<string, unknown>;
	return args.kinds.length === 1 ? args.config : {};
}

/** Lines telling a user how to point an n8n credential at a running fake. */
export function describe(fake: RunningCrmFake): string[] {
	if (fake.kind === 'zoho') {
		const credentials = credentialsFor(fake);
		return [
			`Zoho fake (Accounts + CRM v8 + Bigin v2): ${fake.url}`,
			`  Accounts URL / API domain   ${credentials.accountsUrl}`,
			`  Client ID / Client Secret   ${credentials.clientId} / ${credentials.clientSecret}`,
			`  Refresh token (all scopes)  ${ZOHO_SEED.refreshTokens.all}`,
			`  Access token  (all scopes)  ${ZOHO_SEED.accessTokens.all}   (expires after ${fake.config.accessTokenTtlSeconds} s)`,
		];
	}
	if (fake.kind === 'zendesk') {
		const credentials = credentialsFor(fake);
		return [`Zendesk fake (Support API v2): ${fake.url}`, `  Base URL    ${credentials.baseUrl}`, `  Subdomain   ${credentials.subdomain} (any value works)`, `  Email       ${credentials.email}`, `  API token   ${credentials.apiToken}`];
	}
	const credentials = credentialsFor(fake);
	return [`HubSpot fake (CRM v3): ${fake.url}`, `  Base URL            ${credentials.baseUrl}`, `  Private app token   ${credentials.appToken}`];
}

async function main(): Promise<void> {
	const args = parseArguments(process.argv.slice(2));
	const fakes: RunningCrmFake[] = [];
	for (const [index, kind] of args.kinds.entries()) {
		fakes.push(await startCrmFake(kind, { host: args.host, port: args.port === 0 ? 0 : args.port + index, config: configFor(args, kind) }));
	}
	const lines = fakes.flatMap((fake) => [...describe(fake), `  Admin API   ${fake.url}/__fake  (state, requests, config, faults, reset; see fakes/README.md)`, '']);
	console.log([...lines, 'These values only work against the fakes. Ctrl-C stops them.'].join('\n'));
	const stop = () => {
		void Promise.all(fakes.map((fake) => fake.close())).then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
