import { FLOW_CTA_MAX, INTERACTIVE_BODY_MAX, INTERACTIVE_HEADER_TEXT_MAX } from './limits';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, optionalText, requireText, type CommonMessageOptions } from './common';
import { buildFooter, withOptionalParts } from './interactiveParts';
import type { FlowInteractive, InteractiveMessageBody } from './types';

export type FlowAction = 'navigate' | 'data_exchange';

export interface FlowMessageInput extends CommonMessageOptions {
	/** Exactly one of the Flow's ID or its name (Meta: Sending a Flow). */
	flowId?: string;
	flowName?: string;
	body: string;
	/** Text on the button that opens the Flow. */
	cta: string;
	headerText?: string;
	footer?: string;
	/** Comes back in the completion (nfm_reply) as `flow_token`; Meta's default is "unused". */
	flowToken?: string;
	/** Default navigate: the Flow opens on `screen` with `data`; data_exchange: the Flow's endpoint decides. */
	action?: FlowAction;
	/** Screen ID to open first; default FIRST_ENTRY_SCREEN (the Flow's entry screen). */
	screen?: string;
	/** Input data of the first screen: a JSON object (or its text), non-empty when given. */
	data?: unknown;
	/** Send the Flow's draft instead of its published version (for testing). */
	draft?: boolean;
}

const FIRST_ENTRY_SCREEN = 'FIRST_ENTRY_SCREEN';

const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/** Exactly one of flow_id / flow_name (Meta: Sending a Flow); an ID has digits only. */
function flowReference(input: FlowMessageInput): Pick<FlowInteractive['action']['parameters'], 'flow_id' | 'flow_name'> {
	const hasId = !blank(input.flowId);
	const hasName = !blank(input.flowName);
	if (hasId === hasName) {
		throw new WhatsAppValidationError(
			hasId ? 'Both a Flow ID and a Flow name were given; WhatsApp takes exactly one.' : 'No Flow was chosen.',
			'flow',
			'Pick the Flow from the list, or give either its ID or its name.',
		);
	}
	if (hasName) return { flow_name: String(input.flowName).trim() };
	const id = String(input.flowId).trim();
	if (!/^\d+$/.test(id)) {
		throw new WhatsAppValidationError(`"${id}" is not a Flow ID.`, 'flow', 'A Flow ID has digits only (e.g. 1189466095612001); to use the name, choose "By Name".');
	}
	return { flow_id: id };
}

/**
 * The first screen's data: a non-empty JSON object (Meta: Sending a Flow, flow_action_payload.data).
 * Accepts the object or its JSON text; blank means none. Throws WhatsAppValidationError otherwise.
 */
export function readFlowScreenData(value: unknown): Record<string, unknown> | undefined {
	if (blank(value)) return undefined;
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new WhatsAppValidationError(
				`The screen data is not valid JSON (${(error as Error).message}).`,
				'screenData',
				'Write a JSON object, e.g. {"product_name": "Aloe Vera"}, or leave the field empty.',
			);
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new WhatsAppValidationError('The screen data must be a JSON object.', 'screenData', 'Write an object of the first screen\'s data fields, e.g. {"product_name": "Aloe Vera"}.');
	}
	if (Object.keys(parsed).length === 0) {
		throw new WhatsAppValidationError('The screen data is an empty object; WhatsApp refuses that.', 'screenData', 'Give at least one field, or leave the screen data empty.');
	}
	return parsed as Record<string, unknown>;
}

/** Screen ID rules of Meta's Flow JSON page: SUCCESS is reserved, and an ID is one word. */
function firstScreen(screen: string | undefined): string {
	if (blank(screen)) return FIRST_ENTRY_SCREEN;
	const id = String(screen).trim();
	if (/\s/.test(id)) {
		throw new WhatsAppValidationError(`The screen ID "${id}" contains spaces.`, 'screen', 'Use the screen\'s id from the Flow JSON (e.g. APPOINTMENT), not its title.');
	}
	if (id === 'SUCCESS') {
		throw new WhatsAppValidationError('SUCCESS is reserved and cannot be a screen ID.', 'screen', 'Use the id of one of the Flow\'s screens, or leave it empty for the entry screen.');
	}
	return id;
}

function flowActionParameters(input: FlowMessageInput): Pick<FlowInteractive['action']['parameters'], 'flow_action' | 'flow_action_payload'> {
	const action = input.action ?? 'navigate';
	if (action !== 'navigate' && action !== 'data_exchange') {
		throw new WhatsAppValidationError(`"${String(action)}" is not a Flow action.`, 'flowAction', 'Choose navigate or data_exchange.');
	}
	const data = readFlowScreenData(input.data);
	if (action === 'data_exchange') {
		// Meta: flow_action_payload "should be omitted" with data_exchange: the endpoint sends the first screen.
		if (!blank(input.screen) || data !== undefined) {
			throw new WhatsAppValidationError(
				'With the data_exchange action the Flow\'s endpoint chooses the first screen and its data.',
				'flowAction',
				'Clear "First Screen" and "Screen Data", or use the navigate action.',
			);
		}
		return { flow_action: 'data_exchange' };
	}
	const screen = firstScreen(input.screen);
	if (screen === FIRST_ENTRY_SCREEN && data === undefined) return { flow_action: 'navigate' };
	return { flow_action: 'navigate', flow_action_payload: data === undefined ? { screen } : { screen, data } };
}

/** Meta's Sending a Flow page: interactive Flow message (flow_message_version 3). */
export function buildFlowMessage(input: FlowMessageInput): InteractiveMessageBody<FlowInteractive> {
	const headerText = optionalText(input.headerText, INTERACTIVE_HEADER_TEXT_MAX, 'headerText', 'The header text');
	const token = blank(input.flowToken) ? undefined : String(input.flowToken);
	const interactive = withOptionalParts<FlowInteractive>(
		{
			type: 'flow',
			body: { text: requireText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text') },
			action: {
				name: 'flow',
				parameters: {
					flow_message_version: '3',
					...flowReference(input),
					flow_cta: requireText(input.cta, FLOW_CTA_MAX, 'cta', 'The button text'),
					...(input.draft ? { mode: 'draft' as const } : {}),
					...(token !== undefined ? { flow_token: token } : {}),
					...flowActionParameters(input),
				},
			},
		},
		{
			header: headerText === undefined ? undefined : { type: 'text', text: headerText },
			footer: buildFooter(input.footer),
		},
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}
