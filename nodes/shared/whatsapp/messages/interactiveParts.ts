import { INTERACTIVE_FOOTER_MAX, INTERACTIVE_HEADER_TEXT_MAX } from './limits';
import { WhatsAppValidationError } from '../validationError';
import { mediaSource, optionalText, requireText, type MediaSourceInput } from './common';
import type { InteractiveHeader, InteractiveText } from './types';

export type InteractiveHeaderInput =
	| { type: 'text'; text: string }
	| ({ type: 'image' | 'video' | 'document' } & MediaSourceInput);

export type InteractiveHeaderType = InteractiveHeaderInput['type'];

/** Header for reply-button and CTA URL messages: text, or media by id or link (Meta: Interactive reply buttons messages, Interactive CTA URL button messages). */
export function buildInteractiveHeader(
	header: InteractiveHeaderInput | undefined,
	allowed: readonly InteractiveHeaderType[],
): InteractiveHeader | undefined {
	if (header === undefined || header === null) return undefined;
	if (!allowed.includes(header.type)) {
		throw new WhatsAppValidationError(
			header.type ? `A "${String(header.type)}" header is not allowed on this message.` : 'The header has no type.',
			'header.type',
			`Use one of these header types: ${allowed.join(', ')}, or remove the header.`,
		);
	}
	if (header.type === 'text') {
		return { type: 'text', text: requireText(header.text, INTERACTIVE_HEADER_TEXT_MAX, 'header.text', 'The header text') };
	}
	const media = mediaSource(header, 'header', `The header ${header.type}`);
	switch (header.type) {
		case 'image':
			return { type: 'image', image: media };
		case 'video':
			return { type: 'video', video: media };
		case 'document':
			return { type: 'document', document: media };
	}
}

export function buildFooter(footer: string | undefined): InteractiveText | undefined {
	const text = optionalText(footer, INTERACTIVE_FOOTER_MAX, 'footer', 'The footer');
	return text === undefined ? undefined : { text };
}

/** Adds optional parts only when present, so bodies carry no `undefined` keys. */
export function withOptionalParts<T extends object>(base: T, parts: Record<string, unknown>): T {
	const result = { ...base } as Record<string, unknown>;
	for (const [key, value] of Object.entries(parts)) if (value !== undefined) result[key] = value;
	return result as T;
}

/** Finds the first repeated value, for "titles must be unique" rules. */
export function firstDuplicate(values: string[]): { value: string; index: number } | undefined {
	const seen = new Set<string>();
	for (const [index, value] of values.entries()) {
		if (seen.has(value)) return { value, index };
		seen.add(value);
	}
	return undefined;
}
