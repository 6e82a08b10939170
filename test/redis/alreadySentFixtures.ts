/**
 * The send the Skip Items Already Sent suites run: Send Text to `$json.to`, each item keyed by its
 * `orderId` (ORDER-<index>), with the options given on top.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

export const itemsFor = (numbers: string[]): INodeExecutionData[] => numbers.map((to, i) => ({ json: { to, orderId: `ORDER-${i}` } }));

export const sendText = (options: object = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	to: '={{ $json.to }}',
	text: 'Your order has shipped',
	messageOptions: { skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}', ...options } as INodeParameters,
});
