import { TEXT_BODY_MAX } from './limits';
import { buildEnvelope, requireText, type CommonMessageOptions } from './common';
import type { TextMessageBody } from './types';

export interface TextMessageInput extends CommonMessageOptions {
	body: string;
	/** Ask WhatsApp to render a preview of the first http(s) URL (§1.2). */
	previewUrl?: boolean;
}

/** §1.2 text message. */
export function buildTextMessage(input: TextMessageInput): TextMessageBody {
	const body = requireText(input.body, TEXT_BODY_MAX, 'body', 'The text');
	const envelope = buildEnvelope(input);
	const text: TextMessageBody['text'] = { body };
	if (typeof input.previewUrl === 'boolean') text.preview_url = input.previewUrl;
	return { ...envelope, type: 'text', text };
}
