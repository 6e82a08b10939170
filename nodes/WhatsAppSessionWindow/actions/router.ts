import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import * as businessHours from './businessHours.mode';
import * as customerServiceWindow from './customerServiceWindow.mode';
import { outputNames, type OutputSettings, type SessionWindowMode } from './outputs';
import * as quietHours from './quietHours.mode';
import type { DecideItem } from './types';

const MODES: Record<SessionWindowMode, DecideItem> = {
	customerServiceWindow: customerServiceWindow.decide,
	businessHours: businessHours.decide,
	quietHours: quietHours.decide,
};

/** With Continue On Fail, a failed item goes where nothing free-form is sent right away. */
const SAFE_OUTPUT: Record<SessionWindowMode, string> = {
	customerServiceWindow: 'Closed',
	businessHours: 'Closed',
	quietHours: 'Later',
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = this.getNodeParameter('mode', 0, 'customerServiceWindow') as SessionWindowMode;
	const decide = MODES[mode];
	if (!decide) {
		throw new NodeOperationError(this.getNode(), `The mode "${mode}" is not supported.`, {
			description: 'Choose Customer Service Window, Business Hours or Quiet Hours.',
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
			const decision = decide.call(this, itemIndex, item);
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
			outputs[names.indexOf(SAFE_OUTPUT[mode])].push({ json: { ...json, error: error.message }, error, pairedItem });
		}
	}
	return outputs;
}
