import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { OperationContext } from '../transport/client';

export type { OperationContext };

/** One operation = one file: its fields (`description`) and its work for ONE input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]>;
}

export interface ResourceModule {
	operationProperty: INodeProperties;
	operations: Record<string, Operation>;
}
