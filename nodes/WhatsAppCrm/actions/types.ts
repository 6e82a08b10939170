import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { CrmClient, CrmKind } from '../../shared/crm';

/** What every operation gets besides `this`: the item, the chosen CRM and its client. */
export interface OperationContext {
	itemIndex: number;
	item: INodeExecutionData;
	crm: CrmKind;
	client: CrmClient;
}

/** One operation = one file: its fields (`description`) and its work for ONE input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]>;
}

export interface ResourceModule {
	operationProperty: INodeProperties;
	operations: Record<string, Operation>;
}
