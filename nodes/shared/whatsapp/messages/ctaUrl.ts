import { CTA_DISPLAY_TEXT_MAX, INTERACTIVE_BODY_MAX } from './limits';
import { buildEnvelope, requireHttpUrl, requireText, type CommonMessageOptions } from './common';
import { buildFooter, buildInteractiveHeader, withOptionalParts, type InteractiveHeaderInput } from './interactiveParts';
import type { CtaUrlInteractive, InteractiveMessageBody } from './types';

export interface CtaUrlMessageInput extends CommonMessageOptions {
	body: string;
	/** Label on the button. */
	displayText: string;
	/** Page the button opens in the phone's browser. */
	url: string;
	header?: InteractiveHeaderInput;
	footer?: string;
}

/** Meta's Interactive CTA URL button messages page: interactive call-to-action URL button. */
export function buildCtaUrlMessage(input: CtaUrlMessageInput): InteractiveMessageBody<CtaUrlInteractive> {
	const interactive = withOptionalParts<CtaUrlInteractive>(
		{
			type: 'cta_url',
			body: { text: requireText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text') },
			action: {
				name: 'cta_url',
				parameters: {
					display_text: requireText(input.displayText, CTA_DISPLAY_TEXT_MAX, 'displayText', 'The button label'),
					url: requireHttpUrl(input.url, 'url', 'The button URL'),
				},
			},
		},
		{
			header: buildInteractiveHeader(input.header, ['text', 'image', 'video', 'document']),
			footer: buildFooter(input.footer),
		},
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}
