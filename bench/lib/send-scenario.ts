/**
 * One sending scenario: N templates through one node at one ceiling, with or without faults.
 * Figures: wall time (n8n's execution start → stop), messages/s, share of the ceiling, errors
 * (items the node output as failed), lost (neither accepted by the emulator nor reported as an
 * error), duplicated (accepted 2+ times), ceiling violations (seconds over the ceiling, counted by
 * the emulator), CPU ms per item and peak RSS of the n8n process, accepted messages per second.
 */
import { THROUGHPUT_LEVELS, type FaultRule, type ThroughputReport } from '../../emulator';
import { admin } from './emulator-process';
import { BENCH_PHONE_NUMBER_ID, itemKey, recipient } from './messages';
import { cpuMs, idleCpu, memoryMb, sampleRss } from './proc';
import type { BenchStack } from './stack';
import { SENDER_NODE_NAME, type SenderKind } from './workflows';

export interface SendScenario {
	label: string;
	kind: SenderKind;
	items: number;
	level: 'STANDARD' | 'HIGH';
	faults: boolean;
}

export interface SendResult {
	scenario: SendScenario;
	ceiling: number;
	wallSeconds: number;
	messagesPerSecond: number;
	shareOfCeiling: number;
	accepted: number;
	errors: number;
	lost: number;
	duplicated: number;
	violations: number;
	maxPerSecond: number;
	refused130429: number;
	answersDropped: number;
	/** n8n's CPU during the scenario minus its idle CPU over the same time, per item. */
	cpuMsPerItem: number;
	/** n8n's CPU during the scenario per item, idle included. */
	rawCpuMsPerItem: number;
	/** n8n's idle CPU just before the scenario (ms per second, over 10 s). */
	idleCpuMsPerSecond: number;
	/** The emulator's CPU during the scenario as a share of one core (it must not be the bottleneck). */
	emulatorCpuShare: number;
	peakRssMb: number;
	rssBeforeMb: number;
	/** Accepted messages in each second from the first send on. */
	perSecond: number[];
	timedOut: boolean;
}

/**
 * 10 % of sends disturbed: 8 % answered HTTP 500 / 131000 (Meta: retry with back-off), and 2 % accepted
 * but the connection dropped before the answer (ambiguous: must be reported, never resent blindly).
 * The second rule is drawn only for sends the first left alone, hence 0.02 / 0.92.
 */
export const TEN_PERCENT_FAULTS: FaultRule[] = [
	{ pathPattern: '/messages$', method: 'POST', kind: 'http500', code: 131000, probability: 0.08 },
	{ pathPattern: '/messages$', method: 'POST', kind: 'acceptedThenReset', probability: 0.02 / 0.92 },
];

interface ExecutionSummary {
	id: string;
	startedAt: string;
	stoppedAt: string | null;
	status: string;
}

export async function runSendScenario(stack: BenchStack, workflow: { id: string; path: string }, scenario: SendScenario, timeoutMs: number, log: (line: string) => void): Promise<SendResult> {
	const { emulator, n8n } = stack;
	const ceiling = THROUGHPUT_LEVELS[scenario.level];
	await admin(emulator.url, 'POST', '/reset');
	await admin(emulator.url, 'PATCH', '/config', {
		throughput: { phoneNumbers: { [BENCH_PHONE_NUMBER_ID]: { level: scenario.level } } },
		faults: scenario.faults ? TEN_PERCENT_FAULTS : [],
	});
	const run = `${scenario.kind}-${scenario.label.replace(/\W+/g, '-')}-${Date.now()}`;
	const recipients = Array.from({ length: scenario.items }, (_, index) => ({ to: `+${recipient(index)}`, key: itemKey(run, index), name: `Customer ${index}` }));
	const known = new Set((await latestExecutions(stack, workflow.id)).map((execution) => execution.id));

	// n8n's background CPU varies (start-up tasks, pruning): measure it right before each scenario.
	const idleCpuMsPerSecond = await idleCpu(stack.n8nPid, 10_000);
	const rssBeforeMb = memoryMb(stack.n8nPid).rssMb;
	const cpuBefore = cpuMs(stack.n8nPid);
	const emulatorCpuBefore = cpuMs(stack.emulator.pid);
	const measuredFrom = performance.now();
	const rss = sampleRss(stack.n8nPid);
	const response = await fetch(n8n.webhookUrl(workflow.path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ recipients }) });
	if (!response.ok) throw new Error(`The bench webhook answered ${response.status}: ${await response.text()}`);
	const { execution, timedOut } = await waitForExecution(stack, workflow.id, known, timeoutMs, log);
	const measuredSeconds = (performance.now() - measuredFrom) / 1000;
	const rawCpu = cpuMs(stack.n8nPid) - cpuBefore;
	const cpuUsed = rawCpu - idleCpuMsPerSecond * measuredSeconds;
	const emulatorCpuShare = (cpuMs(stack.emulator.pid) - emulatorCpuBefore) / 1000 / measuredSeconds;
	const peakRssMb = rss.stop();

	const errored = await erroredItems(stack, execution.id).catch(() => new Set<number>());
	const check = await admin(emulator.url, 'POST', '/messages/check', { recipients: recipients.map((entry) => entry.to), phoneNumberId: BENCH_PHONE_NUMBER_ID });
	const lost = (check.lost as string[]).filter((waId) => !errored.has(indexOfRecipient(waId))).length;
	const report: ThroughputReport | undefined = (await admin(emulator.url, 'GET', `/throughput?phoneNumberId=${BENCH_PHONE_NUMBER_ID}`)).data[0];
	const wallSeconds = (Date.parse(execution.stoppedAt ?? new Date().toISOString()) - Date.parse(execution.startedAt)) / 1000;
	const accepted = check.sentOnce + check.duplicated.length;
	return {
		scenario,
		ceiling,
		wallSeconds,
		messagesPerSecond: accepted / wallSeconds,
		shareOfCeiling: accepted / wallSeconds / ceiling,
		accepted,
		errors: errored.size,
		lost,
		duplicated: check.duplicated.length,
		violations: report?.violations ?? 0,
		maxPerSecond: report?.maxPerSecond ?? 0,
		refused130429: report?.refused ?? 0,
		answersDropped: check.answerDropped,
		cpuMsPerItem: cpuUsed / scenario.items,
		rawCpuMsPerItem: rawCpu / scenario.items,
		idleCpuMsPerSecond,
		emulatorCpuShare,
		peakRssMb,
		rssBeforeMb,
		perSecond: report?.seconds.map((second) => second.accepted) ?? [],
		timedOut,
	};
}

/** The recipient index back from its wa_id (recipient() pads the index to 7 digits after 1555). */
function indexOfRecipient(waId: string): number {
	return Number(waId.slice(4));
}

async function latestExecutions(stack: BenchStack, workflowId: string): Promise<ExecutionSummary[]> {
	return (await stack.n8n.api<{ data: ExecutionSummary[] }>('GET', `/executions?workflowId=${workflowId}&limit=5`)).data;
}

/** Waits for the execution the webhook started; stops it after `timeoutMs` (bounded load). */
async function waitForExecution(stack: BenchStack, workflowId: string, known: Set<string>, timeoutMs: number, log: (line: string) => void): Promise<{ execution: ExecutionSummary; timedOut: boolean }> {
	const deadline = Date.now() + timeoutMs;
	let execution: ExecutionSummary | undefined;
	let nextProgress = Date.now() + 30_000;
	for (;;) {
		execution = (await latestExecutions(stack, workflowId)).find((candidate) => !known.has(candidate.id));
		if (execution?.stoppedAt) return { execution, timedOut: false };
		if (Date.now() > deadline) break;
		if (Date.now() > nextProgress) {
			nextProgress += 30_000;
			const [report] = (await admin(stack.emulator.url, 'GET', `/throughput?phoneNumberId=${BENCH_PHONE_NUMBER_ID}`)).data as ThroughputReport[];
			log(`  … ${report?.accepted ?? 0} accepted so far, ${report?.refused ?? 0} refused with 130429`);
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	// The public API lists finished executions only: find the running one through the internal API.
	const running = execution ?? (await runningExecutions(stack, workflowId))[0];
	if (!running) throw new Error(`No execution of workflow ${workflowId} started within ${timeoutMs / 1000} s.`);
	await stack.n8n.rest('POST', `/executions/${running.id}/stop`).catch(() => undefined);
	for (let attempt = 0; attempt < 30; attempt += 1) {
		const stopped = (await latestExecutions(stack, workflowId)).find((candidate) => candidate.id === running.id);
		if (stopped?.stoppedAt) return { execution: stopped, timedOut: true };
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	return { execution: { ...running, stoppedAt: new Date().toISOString() }, timedOut: true };
}

async function runningExecutions(stack: BenchStack, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['running', 'new'] }));
	return (await stack.n8n.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=5`)).results;
}

/** Input indexes of the items the node output as failed ("On Error: Continue" puts them in the output). */
async function erroredItems(stack: BenchStack, executionId: string): Promise<Set<number>> {
	const execution = await stack.n8n.api<any>('GET', `/executions/${executionId}?includeData=true`);
	const runs = execution.data?.resultData?.runData?.[SENDER_NODE_NAME] ?? [];
	const errored = new Set<number>();
	for (const run of runs) {
		for (const [position, item] of (run.data?.main?.[0] ?? []).entries()) {
			if (item.json?.error === undefined && item.error === undefined) continue;
			// Both nodes output one item per input item, in input order; pairedItem says so when present.
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
			errored.add(typeof paired === 'number' ? paired : (paired?.item ?? position));
		}
	}
	return errored;
}
