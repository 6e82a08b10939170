/** Pure builders for every outgoing Cloud API message (Meta: Send messages). */
export * from './types';
export type { CommonMessageOptions } from './common';
export { buildTextMessage, type TextMessageInput } from './text';
export { buildMediaMessage, checkMediaMessage, type MediaMessageInput } from './media';
export { buildLocationMessage, type LocationMessageInput } from './location';
export { buildContactsMessage, type ContactsMessageInput } from './contacts';
export { buildReactionMessage, type ReactionMessageInput } from './reaction';
export { buildReplyButtonsMessage, type ReplyButtonInput, type ReplyButtonsMessageInput } from './replyButtons';
export {
	buildListMessage,
	type ListMessageInput,
	type ListRowInput,
	type ListSectionInput,
} from './list';
export { buildCtaUrlMessage, type CtaUrlMessageInput } from './ctaUrl';
export { buildLocationRequestMessage, type LocationRequestMessageInput } from './locationRequest';
export { buildMarkAsRead, type MarkAsReadInput } from './markAsRead';
export { buildTemplateMessage, type TemplateMessageInput } from './template';
export { type InteractiveHeaderInput, type InteractiveHeaderType } from './interactiveParts';
