import { TEXT_BODY_MAX } from './limits';
import { buildEnvelope, requireText, type CommonMessageOptions } from './common';
import type { TextMessageBody } from './types';

export interface TextMessageInput extends CommonMessageOptions {
	body: string;
	/** Ask WhatsApp to render a preview of the first http(s) URL (Meta: Text messages). */
	previewUrl?: boolean;
}

/** Meta's Text messages page: text message. */
export function buildTextMessage(input: TextMessageInput): TextMessageBody {
	const body = requireText(input.body, TEXT_BODY_MAX, 'body', 'The text');
	const envelope = buildEnvelope(input);
	const text: TextMessageBody['text'] = { body };
	if (typeof input.previewUrl === 'boolean') text.preview_url = input.previewUrl;
	return { ...envelope, type: 'text', text };
}
