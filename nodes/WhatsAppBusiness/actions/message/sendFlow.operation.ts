import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties, type INodeParameterResourceLocator } from 'n8n-workflow';
import { buildFlowMessage, checkFlowSendable } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { lookUpFlow } from '../../transport/flows';
import { sendMessage } from '../../transport/messages';
import { flowFields, type FlowOptions } from './flowFields';

const properties: INodeProperties[] = [recipientField, ...flowFields, messagingOptions];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendFlow'] } }, properties);

/**
 * Meta's Sending a Flow page: the Flow opens from a button; its answers reach the trigger as an nfm_reply.
 * The Flow is looked up first (also with Validate Only): an unknown Flow, a DRAFT without Draft Mode,
 * a DEPRECATED or BLOCKED one is refused before sending (checkFlowSendable). Screen names are in the
 * Flow JSON only, which the Flows API does not list: a wrong screen is still WhatsApp's 131009.
 */
export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const flow = this.getNodeParameter('flow', i) as INodeParameterResourceLocator;
	const value = String(flow.value ?? '').trim();
	const options = this.getNodeParameter('flowOptions', i, {}) as FlowOptions;
	const body = buildFlowMessage({
		...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions),
		to: this.getNodeParameter('to', i) as string,
		...(flow.mode === 'name' ? { flowName: value } : { flowId: value }),
		body: this.getNodeParameter('bodyText', i) as string,
		cta: this.getNodeParameter('flowCta', i) as string,
		screen: this.getNodeParameter('flowScreen', i, '') as string,
		data: this.getNodeParameter('flowScreenData', i, '') as unknown,
		action: options.flowAction,
		flowToken: options.flowToken,
		headerText: options.headerText,
		footer: options.footerText,
		draft: options.draft === true,
	});
	const reference = flow.mode === 'name' ? { name: value } : { id: value };
	const found = await lookUpFlow.call(this, context.connection, reference, i);
	if (found !== null) checkFlowSendable(found, value, options.draft === true);
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			const parameters = body.interactive.action.parameters;
			return [
				{
					json: {
						...result,
						interactiveType: 'flow',
						flowId: parameters.flow_id ?? null,
						flowName: parameters.flow_name ?? null,
						flowToken: parameters.flow_token ?? null,
						mode: parameters.mode ?? 'published',
					},
				},
			];
		},
	};
}
