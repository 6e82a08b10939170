/** Pure builders for every outgoing Cloud API message (Meta: Send messages). */
export * from './types';
export { buildRecipient, characterCount, type CommonMessageOptions, type RecipientIdentifier } from './common';
export { buildTextMessage, type TextMessageInput } from './text';
export { partStart, splitText } from './textParts';
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
export { buildTemplateMessage, checkTemplateRecipient, type TemplateMessageInput } from './template';
export { type InteractiveHeaderInput, type InteractiveHeaderType } from './interactiveParts';
export { buildFlowMessage, readFlowScreenData, type FlowAction, type FlowMessageInput } from './flow';
export { checkFlowSendable, type FlowStatusView } from './flowStatus';
export {
	buildCatalogMessage,
	buildProductListMessage,
	buildProductMessage,
	type CatalogMessageInput,
	type ProductListMessageInput,
	type ProductMessageInput,
	type ProductSectionInput,
} from './products';
export { checkRawMessage, type RawMessageBody } from './rawMessage';
export {
	buildMarketingMessage,
	chooseTemplateRoute,
	type MarketingMessageBody,
	type MarketingMessageOptions,
	type TemplateRoute,
	type TemplateRouteDecision,
} from './marketingMessages';
export { ALREADY_SENT_KEY_MAX, alreadySentKeyIn, alreadySentTrackingData, checkAlreadySentKey, splitTrackingData, trackingDataWithKey } from './alreadySentKey';
export {
	applyStatusToClaim,
	CLAIM_CLOCK_TOLERANCE_MS,
	judgeUnconfirmedSend,
	type ClaimAwaitingStatus,
	type KeyedStatusSeen,
	type UnconfirmedSend,
	type UnconfirmedVerdict,
} from './unconfirmedSends';
