import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** What a mode decided for one item: the output by name and the result to attach under `key`. */
export interface ItemDecision {
	output: string;
	key: 'window' | 'businessHours' | 'quietHours';
	result: IDataObject;
	/** Set when the item cannot be routed: an item error (or, with Continue On Fail, a safe output). */
	failure?: { message: string; description: string };
}

export type DecideItem = (this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData) => ItemDecision;
