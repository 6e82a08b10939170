/**
 * The benchmark's outputs: a Markdown table (bench/results/latest.md) and an SVG line plot of the
 * messages accepted per second for both nodes (bench/results/messages-per-second.svg), drawn here
 * in a few lines of SVG instead of pulling in a plotting library.
 */
import type { NormaliserFigure } from './normaliser';
import type { SendResult } from './send-scenario';
import type { TriggerResult } from './trigger-scenario';

export interface BenchReport {
	startedAt: string;
	durationSeconds: number;
	items: number;
	latencyMs: number;
	sends: SendResult[];
	triggers: TriggerResult[];
	normaliser: NormaliserFigure[];
	emulatorLoad?: string;
	/** The BENCH_* settings the run was started with (none: `npm run bench` as it is). */
	settings?: Record<string, string>;
	notes: string[];
}

const NODE_LABEL = { ours: 'this package', builtin: 'n8n built-in' } as const;
const TRIGGER_LABEL = {
	ours: 'this package (WhatsApp Business Trigger 1.1)',
	oursV1: 'this package (WhatsApp Business Trigger 1)',
	builtin: 'n8n built-in WhatsApp Trigger',
	plainWebhook: "n8n's plain Webhook node",
} as const;

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–');

export function markdownReport(report: BenchReport, plotFile: string): string {
	const lines = [
		`# Benchmark: bulk template sends and webhook deliveries`,
		'',
		`Run ${report.startedAt}, ${Math.round(report.durationSeconds / 60)} min in all; one n8n 2.41 and one emulator, ${report.latencyMs} ms latency per request. Command: \`npm run bench\` (see README)${settingsText(report.settings)}.`,
		'',
		...(report.sends.length === 0 ? [] : sendingSection(report, plotFile)),
		'## Receiving webhooks',
		'',
		'| trigger | deliveries | answered 200 | deliveries/s (executions finished) | share of plain Webhook | answered/s | CPU ms/delivery |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...report.triggers.map((result, index) => {
			// With rounds (a kind repeated), each row is compared with the plain Webhook of its own round.
			const before = report.triggers.slice(0, index + 1).filter((entry) => entry.kind === 'plainWebhook');
			const plain = (before.at(-1) ?? report.triggers.find((entry) => entry.kind === 'plainWebhook'))?.deliveriesPerSecond ?? NaN;
			return `| ${TRIGGER_LABEL[result.kind]} | ${result.deliveries} | ${result.answered200} | ${fixed(result.deliveriesPerSecond)} | ${percent(result.deliveriesPerSecond / plain)} | ${fixed(result.answeredPerSecond)} | ${fixed(result.cpuMsPerDelivery, 2)} |`;
		}),
		'',
		'## Our webhook normaliser (in process)',
		'',
		'| messages (and users) per batch | ms per batch | µs per message |',
		'| ---: | ---: | ---: |',
		...report.normaliser.map((figure) => `| ${figure.batchSize} | ${fixed(figure.msPerBatch, 3)} | ${fixed(figure.usPerMessage, 2)} |`),
		'',
		...(report.emulatorLoad ? ['## Emulator capacity', '', report.emulatorLoad, ''] : []),
		'## Definitions',
		'',
		'- wall time: n8n execution start → stop; messages/s: messages accepted by the emulator ÷ wall time; share of ceiling: that ÷ the number\'s ceiling (80/s STANDARD, 1,000/s HIGH).',
		'- receiving: deliveries/s counts deliveries whose execution had finished (n8n answers before running it); answered/s counts HTTP answers only.',
		'- errors: items the node output as failed (On Error: Continue); lost: recipients neither accepted nor reported as failed (in a scenario stopped at the time limit this includes the items not reached); duplicated: recipients accepted 2+ times.',
		'- ceiling violations: wall-clock seconds in which the emulator accepted more messages than the ceiling; 130429 answers: sends it refused for throughput.',
		'- faults: 8 % of sends answered HTTP 500 / 131000, 2 % accepted and then the connection dropped before the answer.',
		"- CPU ms/item: the n8n main process's CPU during the scenario (from /proc, 10 ms resolution) per item: the node's own work plus n8n's per-item work (Split Out, saving the execution). It includes n8n's background work during the scenario: n8n's idle CPU, measured over 10 s just before it, is shown beside it (it varied from 1 to over 100 ms/s between scenarios, so it is not subtracted; latest.json has that estimate as cpuMsPerItem). RSS: the n8n main process, sampled every 200 ms; RSS growth: peak during the scenario minus RSS before it. Emulator CPU: share of one core.",
		...report.notes.map((note) => `- ${note}`),
		'',
	];
	return lines.join('\n');
}

function ratios(sends: SendResult[]): Array<{ label: string; ratio: number }> {
	const labels = [...new Set(sends.map((result) => result.scenario.label))];
	return labels.flatMap((label) => {
		const ours = sends.find((result) => result.scenario.label === label && result.scenario.kind === 'ours');
		const builtin = sends.find((result) => result.scenario.label === label && result.scenario.kind === 'builtin');
		return ours && builtin ? [{ label, ratio: ours.messagesPerSecond / builtin.messagesPerSecond }] : [];
	});
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf', '#7f7f7f'];

/**
 * Lines of accepted messages per second (x: seconds since the scenario's first send), one per
 * scenario and node. The y axis is logarithmic (1 to the highest value), so 6/s and 1,000/s both read.
 */
export function svgPlot(sends: SendResult[], title: string): string {
	const width = 900;
	const height = 420;
	const margin = { left: 60, right: 20, top: 40, bottom: 110 };
	const series = sends.filter((result) => result.perSecond.length > 0);
	const maxX = Math.max(10, ...series.map((result) => result.perSecond.length));
	const decades = Math.ceil(Math.log10(Math.max(10, ...series.map((result) => Math.max(...result.perSecond, result.ceiling)))));
	const x = (second: number) => margin.left + (second / maxX) * (width - margin.left - margin.right);
	// 0 is drawn on the axis (log scale), 1 just above it.
	const y = (value: number) => height - margin.bottom - (Math.log10(Math.max(value, 1)) / decades) * (height - margin.top - margin.bottom);
	const yTicks = Array.from({ length: decades + 1 }, (_, index) => 10 ** index).flatMap((value) => (value < 10 ** decades ? [value, value * 2, value * 5] : [value]));
	const xTicks = Array.from({ length: 6 }, (_, index) => Math.round((maxX * index) / 5));
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
		`<rect width="100%" height="100%" fill="white"/>`,
		`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${escape(title)}</text>`,
		`<line x1="${margin.left}" y1="${y(0)}" x2="${width - margin.right}" y2="${y(0)}" stroke="black"/>`,
		`<text x="${margin.left - 6}" y="${y(0) + 16}" text-anchor="end" fill="#666">≤1</text>`,
		`<line x1="${margin.left}" y1="${y(0)}" x2="${margin.left}" y2="${margin.top}" stroke="black"/>`,
		...yTicks.filter((value) => value > 1).map((value) => `<text x="${margin.left - 6}" y="${y(value) + 4}" text-anchor="end">${value}</text><line x1="${margin.left}" y1="${y(value)}" x2="${width - margin.right}" y2="${y(value)}" stroke="#eee"/>`),
		...xTicks.map((value) => `<text x="${x(value)}" y="${y(0) + 16}" text-anchor="middle">${value}</text>`),
		`<text x="${width / 2}" y="${y(0) + 34}" text-anchor="middle">seconds since the first send</text>`,
		`<text x="16" y="${(margin.top + y(0)) / 2}" transform="rotate(-90 16 ${(margin.top + y(0)) / 2})" text-anchor="middle">messages accepted per second (log scale)</text>`,
		...[...new Set(series.map((result) => result.ceiling))].map((ceiling) => `<line x1="${margin.left}" y1="${y(ceiling)}" x2="${width - margin.right}" y2="${y(ceiling)}" stroke="#999" stroke-dasharray="4 4"/><text x="${width - margin.right}" y="${y(ceiling) - 4}" text-anchor="end" fill="#666">ceiling ${ceiling}/s</text>`),
	];
	series.forEach((result, index) => {
		const colour = COLOURS[index % COLOURS.length];
		const dash = result.scenario.kind === 'builtin' ? ' stroke-dasharray="6 3"' : '';
		const points = result.perSecond.map((value, second) => `${x(second).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
		parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.5"${dash} points="${points}"/>`);
		const legendY = y(0) + 52 + Math.floor(index / 2) * 16;
		const legendX = margin.left + (index % 2) * 420;
		parts.push(`<line x1="${legendX}" y1="${legendY - 4}" x2="${legendX + 24}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2"${dash}/>`);
		parts.push(`<text x="${legendX + 30}" y="${legendY}">${escape(`${NODE_LABEL[result.scenario.kind]}: ${result.scenario.label}`)}</text>`);
	});
	parts.push('</svg>');
	return parts.join('\n');
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The sending part of the report (left out of a run that measured only the triggers). */
function sendingSection(report: BenchReport, plotFile: string): string[] {
	return [
		'## Sending templates',
		'',
		'| scenario | node | items | wall time (s) | messages/s | share of ceiling | errors | lost | duplicated | ceiling violations | 130429 answers | CPU ms/item | n8n idle CPU before (ms/s) | peak RSS (MB) | RSS growth (MB) | emulator CPU |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...report.sends.map(
			(result) =>
				`| ${result.scenario.label}${result.timedOut ? ' (stopped at the time limit)' : ''} | ${NODE_LABEL[result.scenario.kind]} | ${result.scenario.items} | ${fixed(result.wallSeconds)} | ${fixed(result.messagesPerSecond)} | ${percent(result.shareOfCeiling)} | ${result.errors} | ${result.lost} | ${result.duplicated} | ${result.violations} | ${result.refused130429} | ${fixed(result.rawCpuMsPerItem, 2)} | ${fixed(result.idleCpuMsPerSecond, 0)} | ${Math.round(result.peakRssMb)} | ${Math.round(result.peakRssMb - result.rssBeforeMb)} | ${percent(result.emulatorCpuShare)} |`,
		),
		'',
		'Ratio this package ÷ built-in (messages/s), per scenario: ' +
			(ratios(report.sends).map(({ label, ratio }) => `${label}: ${fixed(ratio, 2)}×`).join('; ') || '–') +
			'.',
		'',
		`![Messages accepted per second, both nodes](${plotFile})`,
		'',
	];
}

function settingsText(settings: Record<string, string> = {}): string {
	const words = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
	return words.length === 0 ? '' : ` with \`${words.join(' ')}\``;
}
