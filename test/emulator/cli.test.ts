import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator';
import { startReceiver } from '../harness/webhookReceiver';

const ROOT = join(__dirname, '..', '..');

/** Starts `tsx emulator/cli.ts serve …` and resolves with its stdout once it prints the URL. */
function startCli(args: string[]): Promise<{ output: string; stop: () => void }> {
	const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['emulator/cli.ts', 'serve', ...args], { cwd: ROOT });
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('never use them against Meta')) resolve({ output, stop: () => child.kill('SIGTERM') });
		});
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
	});
}

it('`serve --port 0` prints the base URL and seeded credentials, and serves the API', async () => {
	const { output, stop } = await startCli(['--port', '0', '--host', '127.0.0.1']);
	try {
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
		expect(output).toContain('EMULATOR_ACCESS_TOKEN');
		expect(output).toContain('106540352242922');
		expect(output).toContain('EMULATOR_360_KEY');
		const health = await fetch(`${url}/__emulator/health`);
		expect(await health.json()).toMatchObject({ status: 'ok' });
		const phone = await fetch(`${url}/v23.0/106540352242922?fields=verified_name`, { headers: { Authorization: 'Bearer EMULATOR_ACCESS_TOKEN' } });
		expect(await phone.json()).toEqual({ verified_name: 'Lucky Shrub', id: '106540352242922' });
	} finally {
		stop();
	}
});

it('`serve --tls-port 0 --cert-out FILE` also serves HTTPS and writes the certificate to trust', async () => {
	const certificateFile = join(mkdtempSync(join(tmpdir(), 'emulator-cli-')), 'cert.pem');
	const { output, stop } = await startCli(['--port', '0', '--tls-port', '0', '--cert-out', certificateFile]);
	try {
		expect(output).toMatch(new RegExp(`HTTPS \\(same emulator\\): https://127\\.0\\.0\\.1:\\d+  certificate: ${certificateFile}`));
		expect(readFileSync(certificateFile, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
	} finally {
		stop();
	}
});

it('rejects an unknown option with the usage line', async () => {
	await expect(startCli(['--colour', 'red'])).rejects.toThrow(/Unknown option --colour\. Usage/);
});

describe('client commands against a running emulator', () => {
	const run = (args: string[]) =>
		new Promise<{ code: number | null; output: string }>((resolve) => {
			const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['emulator/cli.ts', ...args], { cwd: ROOT });
			let output = '';
			child.stdout.on('data', (chunk) => (output += chunk));
			child.stderr.on('data', (chunk) => (output += chunk));
			child.on('exit', (code) => resolve({ code, output }));
		});

	it('`simulate` posts a user message as a webhook and `redeliver --last` repeats it byte for byte', async () => {
		const receiver = await startReceiver();
		const emulator = await startEmulator({ webhook: { url: `${receiver.base}/hook` } });
		try {
			const simulated = await run(['simulate', '--from', '16505551234', '--type', 'image', '--caption', 'My cactus', '--name', 'Sheena Nelson', '--url', emulator.url]);
			expect(simulated.code).toBe(0);
			expect(simulated.output).toMatch(/^Inbound image wamid\.\S+ from 16505551234 to 106540352242922/);
			expect(simulated.output).toContain(`→ ${receiver.base}/hook: HTTP 200 after 1 attempt(s)`);
			expect(simulated.output).toContain('"caption": "My cactus"');
			const [post] = await receiver.waitForPosts(1);
			expect(post.json.entry[0].changes[0].value.contacts[0].profile.name).toBe('Sheena Nelson');

			const redelivered = await run(['redeliver', '--last', '--url', emulator.url]);
			expect(redelivered.output).toMatch(/^Redelivered d1 \(inbound\) as d2/);
			const [, duplicate] = await receiver.waitForPosts(2);
			expect(duplicate.raw).toEqual(post.raw);
		} finally {
			await emulator.close();
			await receiver.close();
		}
	});

	it('explains what is missing or unreachable', async () => {
		expect((await run(['simulate', '--text', 'Hi'])).output).toContain('--from is required');
		const unreachable = await run(['redeliver', '--last', '--url', 'http://127.0.0.1:9']);
		expect(unreachable.code).toBe(1);
		expect(unreachable.output).toContain('No emulator answers at http://127.0.0.1:9');
	});
});
