import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { errorItemJson, failedItem, toNodeError, type Redactor } from '../../shared/transport';
import { connectionForItem, type OperationContext } from '../transport/connection';
import { customerOfFailedSend } from './commonFields';
import { readDeliverySettings } from './deliveryOptions';
import { resources } from './resources';
import { pacerOf, sendItems } from './sendItems';

/**
 * Runs the chosen operation over the input items. Send operations (types.ts SendOperation) go
 * through sendItems: every item checked first, then sent concurrently under the number's pacer, in
 * input order in the output. Other operations run once per item, in turn. Each item gets its own
 * result; with Continue On Fail a failing item carries the mapped error and the others go on
 * (nothing is retried or sent twice here).
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
	if ('prepare' in handler) return [await sendItems.call(this, handler, items)];
	// Operations with the send options (Send and Wait) still pace their messages on the number's pacer.
	const sends = this.getNode().parameters.messageOptions !== undefined;
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let redactor: Redactor | undefined;
		try {
			const connection = await connectionForItem.call(this, itemIndex);
			redactor = connection.redactor;
			const context: OperationContext = { itemIndex, connection };
			if (sends && connection.phoneNumberId !== undefined) {
				context.delivery = { pacer: await pacerOf.call(this, readDeliverySettings.call(this), connection, itemIndex) };
			}
			const results = await handler.execute.call(this, context);
			// The last pass: no secret of the credential leaves in an item, whatever built it.
			for (const result of results) returnData.push({ ...result, json: redactor.json(result.json), pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, redactor);
			if (!this.continueOnFail()) throw nodeError;
			returnData.push(failedItem(errorItemJson(nodeError, sends ? customerOfFailedSend.call(this, itemIndex) : {}), itemIndex));
		}
	}
	return [returnData];
}
