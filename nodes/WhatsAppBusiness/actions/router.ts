import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { errorItemJson, toNodeError, type Redactor } from '../../shared/transport';
import { connectionForItem } from '../transport/connection';
import { resources } from './resources';

/**
 * Runs the chosen operation once per input item. Each item gets its own result; with Continue On
 * Fail a failing item carries the mapped error and the others go on (nothing is retried or sent twice here).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.operations[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	if ('executeAll' in handler) return [await handler.executeAll.call(this, items)];
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let redactor: Redactor | undefined;
		try {
			const connection = await connectionForItem.call(this, itemIndex);
			redactor = connection.redactor;
			const results = await handler.execute.call(this, { itemIndex, connection });
			// The last pass: no secret of the credential leaves in an item, whatever built it.
			for (const result of results) returnData.push({ ...result, json: redactor.json(result.json), pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, redactor);
			if (!this.continueOnFail()) throw nodeError;
			returnData.push({ json: errorItemJson(nodeError), error: nodeError, pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}
