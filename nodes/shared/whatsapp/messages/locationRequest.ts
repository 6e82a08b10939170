import { INTERACTIVE_BODY_MAX } from './limits';
import { buildEnvelope, requireText, type CommonMessageOptions } from './common';
import type { InteractiveMessageBody, LocationRequestInteractive } from './types';

export interface LocationRequestMessageInput extends CommonMessageOptions {
	/** Text shown above the "Send location" button. */
	body: string;
}

/** Meta's Location request messages page: asks the user to share a location; the reply arrives as a location message. */
export function buildLocationRequestMessage(
	input: LocationRequestMessageInput,
): InteractiveMessageBody<LocationRequestInteractive> {
	const interactive: LocationRequestInteractive = {
		type: 'location_request_message',
		body: { text: requireText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text') },
		action: { name: 'send_location' },
	};
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}
