/**
 * ONE emulator (own process, HTTPS side, 150 ms latency) and ONE real n8n with this package
 * installed and the graph.facebook.com redirect preloaded, so both WhatsApp nodes talk to the same
 * emulator through the same TLS path (our credential keeps its default Base URL
 * https://graph.facebook.com; the built-in node has it hard-coded).
 */
import * as path from 'node:path';
import { SEED } from '../../emulator';
import { N8nHttpError, startN8n, workflowHelpers, type JsonCall, type RunningN8n } from '../../e2e/n8n';
import { admin, REPOSITORY_DIR, startEmulatorProcess, type EmulatorProcess } from './emulator-process';
import { findPidByEnvironment } from './proc';
import { OUR_PACKAGE, type Credentials } from './workflows';

export interface BenchStack {
	emulator: EmulatorProcess;
	n8n: RunningN8n;
	/** The n8n main process (CPU and RSS are read from /proc/<pid>). */
	n8nPid: number;
	credentials: Credentials;
	stop(): Promise<void>;
}

export const LATENCY_MS = 150;

/** Emulator settings for the benchmark: latency, and no status timers or request log to keep. */
export const BENCH_EMULATOR_SETTINGS = {
	latency: { fixedMs: LATENCY_MS, jitterMs: 0 },
	webhook: { finalStatus: 'sent' },
	requestLogLimit: 100,
};

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
	const emulator = await startEmulatorProcess(BENCH_EMULATOR_SETTINGS, { tls: true });
	log(`emulator ${emulator.url} (HTTPS ${emulator.tlsUrl}, pid ${emulator.pid}), latency ${LATENCY_MS} ms`);
	let n8n: RunningN8n;
	try {
		n8n = await startN8n({
			communityPackages: [REPOSITORY_DIR],
			// jest-style NODE_ENV=test makes n8n 2.41 exit at once; 240 s: start-up is slow on a loaded machine.
			env: {
				NODE_ENV: '',
				// BENCH_N8N_NODE_OPTIONS adds flags for n8n's process, e.g. --cpu-prof --cpu-prof-dir=/tmp/n8n-profile.
				NODE_OPTIONS: `--require ${path.join(__dirname, 'graph-redirect.cjs')} ${process.env.BENCH_N8N_NODE_OPTIONS ?? ''}`.trim(),
				WHATSAPP_BENCH_REDIRECT: `graph.facebook.com=127.0.0.1:${emulator.tlsPort}`,
				NODE_EXTRA_CA_CERTS: emulator.certificateFile!,
				// BENCH_N8N_ENV adds n8n settings, e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (space-separated NAME=value).
				...benchN8nEnv(process.env.BENCH_N8N_ENV),
			},
			readyTimeoutMs: 240_000,
		});
	} catch (error) {
		await emulator.stop();
		throw error;
	}
	const stop = async () => {
		await n8n.stop();
		await emulator.stop();
	};
	// Under load n8n 2.41 may answer 503 "Database is not ready!" for a while (its database ping timed
	// out): retry such calls instead of losing the run.
	const api = patientCall(n8n.api, log);
	const rest = patientCall(n8n.rest, log);
	Object.assign(n8n, { api, rest, ...workflowHelpers(api, rest, n8n.url) });
	try {
		const n8nPid = findPidByEnvironment('N8N_USER_FOLDER', n8n.userFolder, 'n8n');
		if (!n8nPid) throw new Error(`Could not find the n8n process of ${n8n.userFolder} in /proc.`);
		log(`n8n ${n8n.url} (pid ${n8nPid}) ready in ${Math.round(n8n.startupMs / 1000)} s, package ${OUR_PACKAGE} installed`);
		const credentials = await createCredentials(n8n);
		await admin(emulator.url, 'GET', '/health');
		return { emulator, n8n, n8nPid, credentials, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** "A=1 B=two" → { A: '1', B: 'two' }; throws on a word without "=". */
function benchN8nEnv(text = ''): Record<string, string> {
	const pairs = text.split(/\s+/).filter(Boolean).map((word) => {
		const at = word.indexOf('=');
		if (at <= 0) throw new Error(`BENCH_N8N_ENV: "${word}" is not NAME=value.`);
		return [word.slice(0, at), word.slice(at + 1)];
	});
	return Object.fromEntries(pairs);
}

function patientCall(call: JsonCall, log: (line: string) => void): JsonCall {
	return async (method, route, body) => {
		for (let attempt = 1; ; attempt += 1) {
			try {
				return await call(method, route, body);
			} catch (error) {
				if (!(error instanceof N8nHttpError) || error.status !== 503 || attempt >= 30) throw error;
				if (attempt === 1) log(`  n8n answered 503 to ${method} ${route}; retrying every 2 s`);
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
		}
	};
}

async function createCredentials(n8n: RunningN8n): Promise<Credentials> {
	const create = async (name: string, type: string, data: Record<string, unknown>) => ({ id: await n8n.createCredential({ name, type, data }), name });
	return {
		ours: await create('Bench: WhatsApp Cloud API', 'whatsAppCloudApi', {
			accessToken: SEED.accessToken,
			wabaId: SEED.wabaId,
			phoneNumberId: SEED.phoneNumberId,
			graphApiVersion: 'v24.0',
			baseUrl: 'https://graph.facebook.com',
			appId: SEED.appId,
			appSecret: SEED.appSecret,
			verifyToken: SEED.verifyToken,
		}),
		builtin: await create('Bench: WhatsApp API (built-in)', 'whatsAppApi', { accessToken: SEED.accessToken, businessAccountId: SEED.wabaId }),
		builtinTrigger: await create('Bench: WhatsApp OAuth API (built-in trigger)', 'whatsAppTriggerApi', { clientId: SEED.appId, clientSecret: SEED.appSecret }),
	};
}
