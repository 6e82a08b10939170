/**
 * How many template sends per second the emulator answers, and its CPU per request, with the
 * benchmark's latency: `npx tsx bench/emulator-load.ts [--requests 6000] [--concurrency 400]
 * [--latency 150] [--tls] [--no-keep-alive] [--no-tls-sessions] [--full-recording]`. The emulator runs in its own process;
 * its CPU time comes from /proc. Bounded by --requests and a 120 s deadline.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as fs from 'node:fs';
import { admin, startEmulatorProcess } from './lib/emulator-process';
import { cpuMs, memoryMb } from './lib/proc';
import { BENCH_PHONE_NUMBER_ID, BENCH_TOKEN, templateMessage } from './lib/messages';

interface LoadOptions {
	requests: number;
	concurrency: number;
	latencyMs: number;
	tls: boolean;
	keepAlive: boolean;
	/** TLS session resumption (Node's agents cache sessions); off = a full handshake per connection. */
	tlsSessions: boolean;
	/** Keep statuses (sent, delivered, read) and the request log as in tests; else only `sent` and no log. */
	fullRecording: boolean;
}

function parseOptions(argv: string[]): LoadOptions {
	const value = (flag: string, fallback: number) => {
		const index = argv.indexOf(flag);
		return index >= 0 ? Number(argv[index + 1]) : fallback;
	};
	return {
		requests: value('--requests', 6000),
		concurrency: value('--concurrency', 400),
		latencyMs: value('--latency', 150),
		tls: argv.includes('--tls'),
		keepAlive: !argv.includes('--no-keep-alive'),
		tlsSessions: !argv.includes('--no-tls-sessions'),
		fullRecording: argv.includes('--full-recording'),
	};
}

/** Sends `requests` template messages, `concurrency` at a time; resolves with the HTTP status counts. */
async function drive(baseUrl: string, options: LoadOptions, ca?: string): Promise<Record<string, number>> {
	const url = new URL(`${baseUrl}/v23.0/${BENCH_PHONE_NUMBER_ID}/messages`);
	const agentOptions = { keepAlive: options.keepAlive, maxSockets: options.concurrency };
	const agent = options.tls ? new https.Agent({ ...agentOptions, ca, ...(options.tlsSessions ? {} : { maxCachedSessions: 0 }) }) : new http.Agent(agentOptions);
	const request = options.tls ? https.request : http.request;
	const statuses: Record<string, number> = {};
	let next = 0;
	const deadline = Date.now() + 120_000;
	const one = (index: number) =>
		new Promise<void>((resolve) => {
			const body = JSON.stringify(templateMessage(index, `load-${index}`));
			const req = request(url, { method: 'POST', agent, headers: { Authorization: `Bearer ${BENCH_TOKEN}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
				res.resume();
				res.on('end', () => {
					statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
					resolve();
				});
			});
			req.on('error', (error) => {
				statuses[error.message] = (statuses[error.message] ?? 0) + 1;
				resolve();
			});
			req.end(body);
		});
	const worker = async () => {
		while (next < options.requests && Date.now() < deadline) await one(next++);
	};
	await Promise.all(Array.from({ length: options.concurrency }, worker));
	agent.destroy();
	return statuses;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const settings = {
		latency: { fixedMs: options.latencyMs, jitterMs: 0 },
		// No ceiling here: this measures the emulator, not a number's throughput.
		throughput: { messagesPerSecond: 1_000_000 },
		...(options.fullRecording ? {} : { webhook: { finalStatus: 'sent' }, requestLogLimit: 0 }),
	};
	const emulator = await startEmulatorProcess(settings, { tls: options.tls });
	try {
		const ca = emulator.certificateFile ? fs.readFileSync(emulator.certificateFile, 'utf8') : undefined;
		const baseUrl = options.tls ? emulator.tlsUrl! : emulator.url;
		await drive(baseUrl, { ...options, requests: Math.min(200, options.requests) }, ca); // warm-up (JIT, schema)
		const cpuBefore = cpuMs(emulator.pid);
		const ownCpuBefore = process.cpuUsage();
		const started = performance.now();
		const statuses = await drive(baseUrl, options, ca);
		const seconds = (performance.now() - started) / 1000;
		const emulatorCpuMs = cpuMs(emulator.pid) - cpuBefore;
		const ownCpu = process.cpuUsage(ownCpuBefore);
		const loadGeneratorCpuMs = (ownCpu.user + ownCpu.system) / 1000;
		const done = Object.values(statuses).reduce((sum, count) => sum + count, 0);
		const account = (await admin(emulator.url, 'GET', `/throughput?phoneNumberId=${BENCH_PHONE_NUMBER_ID}`)).data[0];
		console.log(
			JSON.stringify(
				{
					...options,
					seconds: Number(seconds.toFixed(2)),
					requestsPerSecond: Math.round(done / seconds),
					statuses,
					emulatorCpuMsPerRequest: Number((emulatorCpuMs / done).toFixed(3)),
					emulatorCpuShareOfOneCore: Number((emulatorCpuMs / 1000 / seconds).toFixed(2)),
					loadGeneratorCpuShareOfOneCore: Number((loadGeneratorCpuMs / 1000 / seconds).toFixed(2)),
					emulatorRssMb: Math.round(memoryMb(emulator.pid).rssMb),
					maxAcceptedPerSecond: account?.maxPerSecond,
				},
				null,
				2,
			),
		);
	} finally {
		await emulator.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
