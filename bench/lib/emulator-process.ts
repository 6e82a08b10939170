/**
 * The emulator in its own process (so its CPU time can be read from /proc apart from the load
 * generator's and n8n's): `node --import tsx emulator/cli.ts serve` with a JSON config file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPOSITORY_DIR = path.resolve(__dirname, '..', '..');

export interface EmulatorProcess {
	child: ChildProcess;
	pid: number;
	/** http://127.0.0.1:PORT (admin API and plain HTTP). */
	url: string;
	/** https://127.0.0.1:PORT when started with tls. */
	tlsUrl?: string;
	tlsPort?: number;
	/** The HTTPS certificate file (PEM) to trust, when started with tls. */
	certificateFile?: string;
	stop(): Promise<void>;
}

/** Starts the emulator with `settings` (the keys of PATCH /__emulator/config); waits until it prints its URL. */
export async function startEmulatorProcess(settings: Record<string, unknown>, options: { tls?: boolean } = {}): Promise<EmulatorProcess> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-bench-emulator-'));
	const configFile = path.join(folder, 'config.json');
	fs.writeFileSync(configFile, JSON.stringify(settings));
	const certificateFile = options.tls ? path.join(folder, 'emulator-cert.pem') : undefined;
	const args = ['--import', 'tsx', path.join(REPOSITORY_DIR, 'emulator', 'cli.ts'), 'serve', '--port', '0', '--config', configFile];
	if (certificateFile) args.push('--tls-port', '0', '--cert-out', certificateFile);
	const child = spawn(process.execPath, args, { cwd: REPOSITORY_DIR, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
	let output = '';
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const ready = await new Promise<{ url: string; tlsUrl?: string }>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The emulator did not start within 60 s:\n${output}`)), 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
			const tlsUrl = /HTTPS \(same emulator\): (https:\/\/\S+)/.exec(output)?.[1];
			if (url && (!options.tls || tlsUrl)) {
				clearTimeout(timer);
				resolve({ url, tlsUrl });
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) => reject(new Error(`The emulator exited (${code}) before it listened:\n${output}`)));
	});
	return {
		child,
		pid: child.pid!,
		url: ready.url,
		...(ready.tlsUrl ? { tlsUrl: ready.tlsUrl, tlsPort: Number(new URL(ready.tlsUrl).port), certificateFile } : {}),
		stop: async () => {
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
			fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** JSON call to the emulator's admin API. */
export async function admin<T = any>(url: string, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(`${url}/__emulator${route}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as T;
	if (!response.ok) throw new Error(`Emulator admin ${method} ${route} answered ${response.status}: ${JSON.stringify(json)}`);
	return json;
}
