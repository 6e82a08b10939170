import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { OperationContext } from '../transport/connection';

export type { OperationContext };

/**
 * One operation = one file: its fields (`description`) and its work for ONE input item
 * (`execute`). The router loops items, pairs results with their input and applies Continue On Fail.
 */
export interface PerItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]>;
}

/** An operation over all input items at once that talks to n8n only, not to WhatsApp. */
export interface AllItemsOperation {
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type OperationModule = PerItemOperation | AllItemsOperation;

export interface ResourceModule {
	/** The Operation selector for this resource */
	operationProperty: INodeProperties;
	operations: Record<string, OperationModule>;
}
