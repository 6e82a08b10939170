/**
 * Receiving: signed `messages` deliveries (one message each, X-Hub-Signature-256 with the app
 * secret, as Meta sends them) POSTed straight to n8n's production URL of one trigger, `concurrency`
 * at a time, until `deliveries` were answered or `maxSeconds` passed. n8n answers before the
 * execution has run, so the rate counts deliveries whose execution has FINISHED (n8n's execution
 * count), else a trigger would also be charged for the previous one's backlog. The workflow is
 * active only while it is measured (one trigger per app).
 */
import { SEED, signatureHeader } from '../../emulator';
import { publishWithRetry, waitUntilUnpublished } from '../../e2e/lib/publication';
import { cpuMs } from './proc';
import type { BenchStack } from './stack';
import { inboundBatch } from './webhook-payloads';
import { triggerWorkflow, type TriggerKind } from './workflows';

export interface TriggerResult {
	kind: TriggerKind;
	deliveries: number;
	answered200: number;
	/** From the first delivery until n8n had finished the executions of all of them. */
	seconds: number;
	deliveriesPerSecond: number;
	/** Deliveries answered per second, not waiting for the executions. */
	answeredPerSecond: number;
	cpuMsPerDelivery: number;
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** Finished executions of a workflow (n8n's internal executions list returns the count). */
async function finishedExecutions(stack: BenchStack, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: FINISHED }));
	const page = await stack.n8n.rest<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`);
	return page.count;
}

export async function runTriggerScenario(stack: BenchStack, kind: TriggerKind, deliveries: number, concurrency: number, maxSeconds: number): Promise<TriggerResult> {
	const { workflow, path } = triggerWorkflow(kind, stack.credentials);
	const id = await stack.n8n.importWorkflow(workflow);
	await publishWithRetry(stack.n8n, id, workflow.name ?? kind);
	try {
		const url = stack.n8n.webhookUrl(path);
		let sequence = 0;
		const deliverOne = async (): Promise<boolean> => {
			const body = JSON.stringify(inboundBatch(1, (sequence += 1)));
			const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signatureHeader(SEED.appSecret, body) }, body });
			await response.arrayBuffer();
			return response.status === 200;
		};
		const WARM_UP = 10;
		for (let warm = 0; warm < WARM_UP; warm += 1) await deliverOne();
		await waitForFinished(stack, id, WARM_UP, 60_000);
		let started = 0;
		let answered200 = 0;
		const deadline = Date.now() + maxSeconds * 1000;
		const cpuBefore = cpuMs(stack.n8nPid);
		const began = performance.now();
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (started < deliveries && Date.now() < deadline) {
					started += 1;
					if (await deliverOne()) answered200 += 1;
				}
			}),
		);
		const answeredSeconds = (performance.now() - began) / 1000;
		await waitForFinished(stack, id, WARM_UP + answered200, 120_000);
		const seconds = (performance.now() - began) / 1000;
		return {
			kind,
			deliveries: started,
			answered200,
			seconds,
			deliveriesPerSecond: answered200 / seconds,
			answeredPerSecond: answered200 / answeredSeconds,
			cpuMsPerDelivery: (cpuMs(stack.n8nPid) - cpuBefore) / started,
		};
	} finally {
		await stack.n8n.deactivate(id);
		await waitUntilUnpublished(stack.n8n, id);
	}
}

async function waitForFinished(stack: BenchStack, workflowId: string, count: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while ((await finishedExecutions(stack, workflowId)) < count) {
		if (Date.now() > deadline) throw new Error(`n8n had not finished ${count} executions of workflow ${workflowId} after ${timeoutMs / 1000} s.`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
