import { spawn } from 'node:child_process';
import { join } from 'node:path';

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

it('rejects an unknown option with the usage line', async () => {
	await expect(startCli(['--colour', 'red'])).rejects.toThrow(/Unknown option --colour\. Usage/);
});
