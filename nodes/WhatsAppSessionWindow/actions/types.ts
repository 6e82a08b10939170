import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What a mode decided for one item: the output by name and the result to attach under `key`. */
export interface ItemDecision {
	output: string;
	key: 'window' | 'businessHours' | 'quietHours';
	result: IDataObject;
	/** Set when the item cannot be routed: an item error (or, with Continue On Fail, a safe output). */
	failure?: { message: string; description: string };
}

/** How a mode presents itself: its Mode option, the node's subtitle, where a failed item goes. */
export interface ModeSummary {
	name: string;
	subtitle: string;
	description: string;
	/** The output a failed item takes with Continue On Fail: one where nothing free-form is sent right away. */
	safeOutput: string;
}

/**
 * One mode = one file, like an operation of the WhatsApp Business node: its fields (`description`),
 * its summary, and its decision for ONE input item (`decide`). The router loops items, pairs them
 * with their input and applies Continue On Fail.
 */
export interface ModeModule {
	summary: ModeSummary;
	description: INodeProperties[];
	decide(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): ItemDecision;
}
