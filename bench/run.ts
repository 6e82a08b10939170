/**
 * `npm run bench`: in ONE run, with one real n8n and one emulator (150 ms latency), sends templates
 * with this package's node and with n8n's built-in WhatsApp node at the 80/s and 1,000/s ceilings
 * and with 10 % faults, measures webhook deliveries through three triggers and our normaliser, and
 * writes bench/results/latest.md, latest.json and messages-per-second.svg. Prints progress; never
 * part of CI's pass/fail. Settings (environment):
 *   BENCH_ITEMS=10000            templates per scenario (a first run at a tenth of it gives RSS growth)
 *   BENCH_QUICK=1                200 items, 200 deliveries: to try the set-up in a few minutes
 *   BENCH_NODES=ours,builtin     which sending nodes
 *   BENCH_TRIGGERS=1             0 skips the trigger measurements
 *   BENCH_DELIVERIES=2000        signed deliveries per trigger (8 at a time, at most 60 s)
 *   BENCH_TRIGGER_KINDS=plainWebhook,ours,builtin   which triggers, in this order (also oursV1)
 *   BENCH_SCENARIOS=baseline,80,1000,faults   which sending scenarios
 *   BENCH_SCENARIO_TIMEOUT_S     per scenario; default items + 120 (an execution still running is stopped)
 *   BENCH_RESULTS_NAME=latest    results go to bench/results/<name>.md, .json and <name>-messages-per-second.svg
 *                                ("latest" writes messages-per-second.svg, the plot the README shows)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureNormaliser } from './lib/normaliser';
import { markdownReport, svgPlot, type BenchReport } from './lib/report';
import { runSendScenario, type SendResult, type SendScenario } from './lib/send-scenario';
import { LATENCY_MS, startBenchStack } from './lib/stack';
import { runTriggerScenario, type TriggerResult } from './lib/trigger-scenario';
import { senderWorkflow, type BenchLevel, type SenderKind, type TriggerKind } from './lib/workflows';

const RESULTS_DIR = path.join(__dirname, 'results');
const began = Date.now();

function log(line: string): void {
	const elapsed = Math.round((Date.now() - began) / 1000);
	console.log(`[bench ${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}] ${line}`);
}

function settings() {
	const quick = process.env.BENCH_QUICK === '1';
	const items = quick ? 200 : Number(process.env.BENCH_ITEMS ?? 10_000);
	const nodes = (process.env.BENCH_NODES ?? 'ours,builtin').split(',').map((node) => node.trim()).filter(Boolean) as SenderKind[];
	return {
		items,
		nodes,
		triggers: process.env.BENCH_TRIGGERS !== '0',
		triggerKinds: (process.env.BENCH_TRIGGER_KINDS ?? 'plainWebhook,ours,builtin').split(',').map((kind) => kind.trim()).filter(Boolean) as TriggerKind[],
		deliveries: quick ? 200 : Number(process.env.BENCH_DELIVERIES ?? 2000),
		scenarios: (process.env.BENCH_SCENARIOS ?? 'baseline,80,1000,faults').split(',').map((name) => name.trim()),
		timeoutSeconds: Number(process.env.BENCH_SCENARIO_TIMEOUT_S ?? Math.round(items + 120)),
		resultsName: process.env.BENCH_RESULTS_NAME ?? 'latest',
	};
}

function scenarios(kind: SenderKind, items: number, chosen: string[]): SendScenario[] {
	const all: Record<string, SendScenario> = {
		baseline: { label: `1,000/s, ${Math.max(1, Math.round(items / 10))} items (RSS baseline)`, kind, items: Math.max(1, Math.round(items / 10)), level: 'HIGH', faults: false },
		80: { label: '80/s', kind, items, level: 'STANDARD', faults: false },
		1000: { label: '1,000/s', kind, items, level: 'HIGH', faults: false },
		faults: { label: '1,000/s, 10 % faults', kind, items, level: 'HIGH', faults: true },
	};
	return chosen.map((name) => {
		if (!all[name]) throw new Error(`BENCH_SCENARIOS: unknown scenario "${name}"; use ${Object.keys(all).join(', ')}`);
		return all[name];
	});
}

async function main(): Promise<void> {
	const options = settings();
	log(`settings: ${JSON.stringify(options)}`);
	const normaliser = measureNormaliser([1, 10, 100, 1000]);
	log(`normaliser: ${normaliser.map((figure) => `${figure.batchSize} msgs ${figure.msPerBatch.toFixed(3)} ms`).join(', ')}`);
	const stack = await startBenchStack(log);
	// Ctrl-C still stops n8n (its own process group) and the emulator.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: stopping n8n and the emulator`);
			void stack.stop().finally(() => process.exit(130));
		});
	}
	const sends: SendResult[] = [];
	const triggers: TriggerResult[] = [];
	const notes: string[] = [];
	try {
		for (const kind of options.nodes) {
			// One workflow per throughput level: our node is told the number's ceiling.
			const workflows = new Map<BenchLevel, { id: string; path: string }>();
			for (const level of ['STANDARD', 'HIGH'] as BenchLevel[]) {
				const { workflow, path: webhookPath } = senderWorkflow(kind, stack.credentials, level);
				const id = await stack.n8n.importWorkflow(workflow);
				await stack.n8n.activate(id);
				workflows.set(level, { id, path: webhookPath });
			}
			for (const scenario of scenarios(kind, options.items, options.scenarios)) {
				log(`send: ${kind}, ${scenario.label}, ${scenario.items} items …`);
				let result: SendResult;
				try {
					result = await runSendScenario(stack, workflows.get(scenario.level)!, scenario, options.timeoutSeconds * 1000, log);
				} catch (error) {
					notes.push(`${kind}, ${scenario.label}: not measured (${(error as Error).message.split('\n')[0]})`);
					log(`  failed: ${(error as Error).message}`);
					continue;
				}
				sends.push(result);
				log(
					`  ${result.wallSeconds.toFixed(1)} s, ${result.messagesPerSecond.toFixed(1)} msg/s (${(result.shareOfCeiling * 100).toFixed(1)} % of ${result.ceiling}/s), errors ${result.errors}, lost ${result.lost}, duplicated ${result.duplicated}, violations ${result.violations}, CPU ${result.rawCpuMsPerItem.toFixed(2)} ms/item (n8n idle before: ${result.idleCpuMsPerSecond.toFixed(0)} ms/s), peak RSS ${Math.round(result.peakRssMb)} MB${result.timedOut ? ', STOPPED at the time limit' : ''}`,
				);
				writeResults({ sends, triggers, normaliser, options, notes });
			}
			for (const { id } of workflows.values()) {
				await stack.n8n.deactivate(id).catch((error) => log(`  could not deactivate the workflow: ${(error as Error).message.split('\n')[0]}`));
			}
		}
		if (options.triggers) {
			for (const kind of options.triggerKinds) {
				log(`receive: ${kind}, ${options.deliveries} signed deliveries …`);
				try {
					const result = await runTriggerScenario(stack, kind, options.deliveries, 8, 60);
					triggers.push(result);
					log(`  ${result.answered200}/${result.deliveries} answered 200 in ${result.seconds.toFixed(1)} s: ${result.deliveriesPerSecond.toFixed(1)} deliveries/s, CPU ${result.cpuMsPerDelivery.toFixed(2)} ms/delivery`);
				} catch (error) {
					notes.push(`The ${kind} trigger could not be measured: ${(error as Error).message.split('\n')[0]}`);
					log(`  failed: ${(error as Error).message}`);
				}
			}
		}
	} finally {
		writeResults({ sends, triggers, normaliser, options, notes });
		await stack.stop();
	}
	log(`results: ${path.relative(process.cwd(), RESULTS_DIR)}/${options.resultsName}.md and ${plotName(options.resultsName)}`);
}

function writeResults(parts: Pick<BenchReport, 'sends' | 'triggers' | 'normaliser' | 'notes'> & { options: ReturnType<typeof settings> }): void {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const report: BenchReport = {
		startedAt: new Date(began).toISOString(),
		durationSeconds: (Date.now() - began) / 1000,
		items: parts.options.items,
		latencyMs: LATENCY_MS,
		sends: parts.sends,
		triggers: parts.triggers,
		normaliser: parts.normaliser,
		settings: Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('BENCH_') && entry[1] !== undefined)),
		notes: parts.notes,
	};
	const name = parts.options.resultsName;
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdownReport(report, plotName(name)));
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(report, null, 2));
	const plotted = parts.sends.filter((result) => !result.scenario.label.includes('baseline'));
	if (plotted.length > 0) fs.writeFileSync(path.join(RESULTS_DIR, plotName(name)), svgPlot(plotted, `Templates accepted per second (${LATENCY_MS} ms latency)`));
}

function plotName(resultsName: string): string {
	return resultsName === 'latest' ? 'messages-per-second.svg' : `${resultsName}-messages-per-second.svg`;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
