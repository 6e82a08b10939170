import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { OperationContext } from '../transport/connection';

export type { OperationContext };

/**
 * One operation = one file: its fields (`description`) and its work for ONE input item
 * (`execute`). The router loops items one at a time, pairs results with their input and applies
 * Continue On Fail. For operations that do not send messages, or send one item only.
 */
export interface PerItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]>;
}

/** What a send operation prepared for one item: calling `send` sends it and gives the item's output. */
export interface PreparedSend {
	send(): Promise<INodeExecutionData[]>;
}

/**
 * An operation that sends messages, in two steps, so the router can check every item before the
 * first request (nothing half-sent because item 3 was wrong), then send items concurrently, paced
 * per phone number, skipping those already sent, and output them in input order:
 * - `prepare` reads and checks the item's fields and builds the request(s). It sends nothing: only
 *   look-ups the run caches (template definitions, account settings) may reach WhatsApp. A bad
 *   item throws here (WhatsAppValidationError or an n8n error).
 * - the returned `send` makes the requests, through `sendMessage` (transport/messages.ts), which
 *   applies the pacing, the retries and the item's Already Sent Key given in `context.delivery`.
 * `send` of different items run at the same time; the requests of one item run in its own order.
 */
export interface SendOperation {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend>;
}

/** An operation over all input items at once that talks to n8n only, not to WhatsApp. */
export interface AllItemsOperation {
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type OperationModule = PerItemOperation | SendOperation | AllItemsOperation;

export interface ResourceModule {
	/** The Operation selector for this resource */
	operationProperty: INodeProperties;
	operations: Record<string, OperationModule>;
}
