import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { modes, type SessionWindowMode } from './modes';
import { outputNames, type OutputSettings } from './outputs';
import type { ModeModule } from './types';

/**
 * Routes each input item to the output its mode decides, keeping its pairing and binary data.
 * With Continue On Fail a failing item goes to the mode's safe output with its error; otherwise
 * the first failing item stops the node.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = this.getNodeParameter('mode', 0, 'customerServiceWindow') as SessionWindowMode;
	const module: ModeModule | undefined = modes[mode];
	if (!module) {
		const names = Object.values(modes).map(({ summary }) => summary.name);
		throw new NodeOperationError(this.getNode(), `The mode "${mode}" is not supported.`, {
			description: `Choose ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}.`,
		});
	}
	const settings: OutputSettings = {
		mode,
		options: mode === 'customerServiceWindow' ? (this.getNodeParameter('options', 0, {}) as OutputSettings['options']) : {},
	};
	const names = outputNames(settings);
	const outputs: INodeExecutionData[][] = names.map(() => []);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const item = items[itemIndex];
		const pairedItem = { item: itemIndex };
		let json = item.json;
		try {
			const decision = module.decide.call(this, itemIndex, item);
			json = { ...item.json, [decision.key]: decision.result };
			if (decision.failure) {
				throw new NodeOperationError(this.getNode(), decision.failure.message, {
					itemIndex,
					description: decision.failure.description,
				});
			}
			outputs[names.indexOf(decision.output)].push({ json, ...(item.binary ? { binary: item.binary } : {}), pairedItem });
		} catch (caught) {
			const error = caught instanceof NodeOperationError ? caught : new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
			if (!this.continueOnFail()) throw error;
			outputs[names.indexOf(module.summary.safeOutput)].push({ json: { ...json, error: error.message }, error, pairedItem });
		}
	}
	return outputs;
}
