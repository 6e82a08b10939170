/**
 * Command line: `tsx emulator/cli.ts serve [--port N] [--host 127.0.0.1] [--config file.json]`
 * (npm run emulator) prints the base URL and the seeded credentials to paste into n8n;
 * `simulate` and `redeliver` talk to a running emulator (cli-client.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mergeConfigPatch, defaultConfig, type EmulatorOptions } from './config';
import { CLIENT_USAGE, runClientCommand } from './cli-client';
import { SEED } from './seed';
import { startEmulator } from './index';

const DEFAULT_PORT = 8089;
const USAGE = `Usage: tsx emulator/cli.ts serve [--port N] [--host 127.0.0.1] [--config file.json] [--tls-port N [--cert-out cert.pem]]\n${CLIENT_USAGE}`;

/** The emulator options, and --cert-out: where to write the HTTPS certificate (PEM) for clients to trust. */
function parseArguments(argv: string[]): { options: EmulatorOptions; certificateFile?: string } {
	const [command, ...rest] = argv;
	if (command !== 'serve') throw new Error(USAGE);
	const flags: Record<string, string> = {};
	for (let index = 0; index < rest.length; index += 2) {
		const [flag, value] = [rest[index], rest[index + 1]];
		if (!['--port', '--host', '--config', '--tls-port', '--cert-out'].includes(flag)) throw new Error(`Unknown option ${flag}. ${USAGE}`);
		if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
		flags[flag] = value;
	}
	// Command-line flags win over the config file, which wins over the defaults.
	const options: EmulatorOptions = { port: DEFAULT_PORT, ...(flags['--config'] ? readConfigFile(flags['--config']) : {}) };
	if (flags['--port'] !== undefined) options.port = Number(flags['--port']);
	if (flags['--host'] !== undefined) options.host = flags['--host'];
	if (!Number.isInteger(options.port) || options.port! < 0 || options.port! > 65535) throw new Error('--port must be 0–65535 (0 picks a free port).');
	if (flags['--tls-port'] !== undefined) {
		const port = Number(flags['--tls-port']);
		if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--tls-port must be 0–65535 (0 picks a free port).');
		options.tls = { port };
	}
	if (flags['--cert-out'] !== undefined && !options.tls) throw new Error('--cert-out needs --tls-port.');
	return { options, certificateFile: flags['--cert-out'] };
}

/** A JSON file with the keys of PATCH /__emulator/config (validated the same way), plus host and port. */
function readConfigFile(file: string): EmulatorOptions {
	const { host, port, ...settings } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	const problems = mergeConfigPatch(defaultConfig(), settings);
	if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
	return { ...(settings as EmulatorOptions), ...(typeof host === 'string' ? { host } : {}), ...(typeof port === 'number' ? { port } : {}) };
}

async function main(): Promise<void> {
	const [command, ...rest] = process.argv.slice(2);
	if (command === 'simulate' || command === 'redeliver') return console.log(await runClientCommand(command, rest));
	const { options, certificateFile } = parseArguments(process.argv.slice(2));
	const emulator = await startEmulator(options);
	if (certificateFile && emulator.tls) writeFileSync(certificateFile, emulator.tls.cert);
	const lines = [
		`WhatsApp Cloud API emulator listening on ${emulator.url}  (started in ${Math.round(emulator.startupMs)} ms)`,
		'',
		'WhatsApp Cloud API credential in n8n:',
		`  Base URL                ${emulator.url}`,
		`  Access Token            ${SEED.accessToken}`,
		`  WhatsApp Business Acct  ${SEED.wabaId}`,
		`  Phone Number ID         ${SEED.phoneNumberId}  (second number: ${SEED.secondPhoneNumberId})`,
		`  App ID / App Secret     ${SEED.appId} / ${SEED.appSecret}`,
		`  Verify Token            ${SEED.verifyToken}`,
		'360dialog credential:',
		`  Base URL                ${emulator.url}`,
		`  API Key                 ${SEED.dialog360ApiKey}  (sends from ${SEED.phoneNumberId})`,
		'',
		...(emulator.tls
			? [`HTTPS (same emulator): ${emulator.tls.url}${certificateFile ? `  certificate: ${certificateFile} (trust it, e.g. NODE_EXTRA_CA_CERTS)` : ''}`, '']
			: []),
		`Admin API: ${emulator.url}/__emulator/requests, /messages, /inbound, /webhook-deliveries, /config, /reset (see emulator/README.md)`,
		'These are emulator-only values; never use them against Meta.',
	];
	console.log(lines.join('\n'));
	const stop = () => void emulator.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
