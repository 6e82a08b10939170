/**
 * The WhatsApp Business node's own CPU per template item, in n8n-core's real execution context
 * (test/harness/n8nContext.ts), against the emulator in its own process (its CPU is not counted).
 * Prints ms per item for Validate Only (the node's work, no HTTP) and for real sends (with n8n's
 * HTTP helper), each over the same items. `--cpu-prof` (node's flag, via NODE_OPTIONS) writes a profile.
 *
 *   npx tsx bench/node-cpu.ts [--items 2000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WhatsApp360DialogApi } from '../credentials/WhatsApp360DialogApi.credentials';
import { WhatsAppCloudApi } from '../credentials/WhatsAppCloudApi.credentials';
import { SEED } from '../emulator/seed';
import { WhatsAppBusiness } from '../nodes/WhatsAppBusiness/WhatsAppBusiness.node';
import { executeNode, type NodeUnderTest } from '../test/harness/n8nContext';
import { startEmulatorProcess } from './lib/emulator-process';
import { ourSendTemplateParameters } from './lib/workflows';

const { values } = parseArgs({ options: { items: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } });
const ITEMS = Number(values.items);
const RUNS = Number(values.runs);

/** The benchmark's Send Template node (bench/lib/workflows.ts), at a ceiling that never makes it wait. */
const parameters = (validateOnly: boolean) => ourSendTemplateParameters({ throughput: 'custom', messagesPerSecond: 100000, validateOnly }) as INodeParameters;

const items: INodeExecutionData[] = Array.from({ length: ITEMS }, (_, i) => ({ json: { to: `1650${String(5550000 + i)}`, key: `bench-${i}`, name: `Customer ${i}` } }));

async function main() {
	const emulator = await startEmulatorProcess({ throughput: { messagesPerSecond: 100000 }, pairRate: { burst: 1000, refillIntervalMs: 1 }, requestLogLimit: 0, webhook: { finalStatus: 'sent' } });
	try {
		const subject: NodeUnderTest = {
			nodeType: new WhatsAppBusiness(),
			typeName: 'n8n-nodes-whatsapp-business.whatsAppBusiness',
			credentialTypes: [new WhatsAppCloudApi(), new WhatsApp360DialogApi()],
			credentials: {
				whatsAppCloudApi: { accessToken: SEED.accessToken, wabaId: SEED.wabaId, phoneNumberId: SEED.phoneNumberId, graphApiVersion: 'v24.0', baseUrl: emulator.url },
				whatsApp360DialogApi: { apiKey: SEED.dialog360ApiKey, baseUrl: emulator.url },
			},
		};
		for (const validateOnly of [true, false]) {
			for (let run = 0; run < RUNS; run++) {
				const cpu = process.cpuUsage();
				const started = performance.now();
				const result = await executeNode(subject, parameters(validateOnly), items, { continueOnFail: true });
				const used = process.cpuUsage(cpu);
				const failed = result.items.filter((item) => item.json.error).length;
				const ms = (used.user + used.system) / 1000;
				console.log(
					`${validateOnly ? 'validate only' : 'send        '} run ${run + 1}: ${ITEMS} items, ${failed} failed, CPU ${(ms / ITEMS).toFixed(3)} ms/item, wall ${((performance.now() - started) / 1000).toFixed(1)} s`,
				);
			}
		}
	} finally {
		await emulator.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
