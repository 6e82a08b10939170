import { WhatsAppValidationError } from '../validationError';

/** A Flow as the WhatsApp Business Account lists it (Meta: Flows API reference, GET /{waba-id}/flows). */
export interface FlowStatusView {
	id: string;
	name: string;
	/** DRAFT, PUBLISHED, THROTTLED, DEPRECATED or BLOCKED (Meta: Flows API reference, Flow status). */
	status: string;
}

/**
 * Refuses, before anything is sent, a Flow WhatsApp would refuse (Meta: Sending a Flow; Flows API
 * reference, Flow status): one the account does not have (`flow` undefined), a DRAFT sent without
 * Draft Mode, and a DEPRECATED or BLOCKED Flow. PUBLISHED and THROTTLED pass. `reference` is the ID
 * or name as entered. Throws WhatsAppValidationError (field `flow`) with the fix.
 */
export function checkFlowSendable(flow: FlowStatusView | undefined, reference: string, draft: boolean): void {
	if (!flow) {
		throw new WhatsAppValidationError(
			`This WhatsApp Business Account has no Flow "${reference}".`,
			'flow',
			'Choose the Flow from the list (names are case-sensitive), or check the WhatsApp Business Account ID in the credential.',
		);
	}
	const status = flow.status.toUpperCase();
	if (status === 'DRAFT' && !draft) {
		throw new WhatsAppValidationError(
			`The Flow "${flow.name}" is a DRAFT: WhatsApp sends only published Flows.`,
			'flow',
			'Publish it in WhatsApp Manager › Flows, or turn on the Draft Mode option to test the draft.',
		);
	}
	if (status === 'DEPRECATED' || status === 'BLOCKED') {
		throw new WhatsAppValidationError(
			`The Flow "${flow.name}" is ${status}: WhatsApp no longer sends it.`,
			'flow',
			status === 'BLOCKED' ? 'Fix what WhatsApp Manager › Flows reports for it (its endpoint health), or choose another Flow.' : 'Choose a published Flow (e.g. a new version of this one).',
		);
	}
}
