import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import type { CrmKind } from '../../shared/crm';
import { failedItem } from '../../shared/transport/errors';
import { createRedactor } from '../../shared/transport/redaction';
import { clientForItem, errorItemJson, toNodeError } from '../transport';
import { resources } from './resources';

/**
 * Runs the chosen operation once per input item. Each item gets its own result, paired with its
 * input, with the credential's secrets removed (a CRM answer may echo them); with Continue On Fail
 * a failing item carries the mapped error and the others go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const crm = this.getNodeParameter('crm', 0) as CrmKind;
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.operations[operation];
	if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		// Token shapes only until the credential is read; then its secret values too.
		let redactor = createRedactor([]);
		try {
			const built = await clientForItem.call(this, crm, itemIndex);
			redactor = built.redactor;
			const results = await handler.execute.call(this, { itemIndex, item: items[itemIndex], crm, client: built.client });
			for (const result of results) returnData.push({ ...result, json: redactor.json(result.json), pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, redactor);
			if (!this.continueOnFail()) throw nodeError;
			returnData.push(failedItem(errorItemJson(nodeError), itemIndex));
		}
	}
	return [returnData];
}
