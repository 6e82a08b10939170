/** Send and Wait for Response on WhatsApp itself: reply tokens, answers, request messages, pending Free Text requests. */
export {
	APPROVE,
	CHOICES_MAX,
	DECLINE,
	FREE_TEXT,
	NOT_DELIVERED_FREE_FORM,
	NOT_DELIVERED_TEMPLATE,
	answeredItem,
	isNotDelivered,
	notDeliveredItem,
	choiceAnswer,
	choiceIndexOf,
	type AnswerChannel,
	type AnswerReply,
	type AnsweredItem,
	type ChoiceOption,
	type DeliveryError,
	type DeliveryFailure,
	type FailedRequestMessage,
	type NotDeliveredItem,
	type ResponseType,
	type ResumeRequestBody,
} from './answers';
export {
	REPLY_TOKEN_MAX_LENGTH,
	looksLikeReplyToken,
	newRequestId,
	openReplyToken,
	recipientIdentity,
	replyTokenKey,
	sealReplyToken,
	type OpenedReplyToken,
	type ReplyTokenClaims,
	type SealInput,
} from './replyToken';
export { answerReply, deliveryFailure, failedRequestToken, replyCandidate, senderIdentities, type ReplyCandidate } from './replies';
export { buildApprovalButtonsMessage, buildChoiceListMessage, requestTrackingData, withAnswerPayloads, type ApprovalLabels, type TemplateAnswerButtons, type TokenFor } from './requestMessages';
export {
	answersRequest,
	DEFAULT_MAX_AGE_SECONDS,
	InMemoryPendingTextRequests,
	requestLimit,
	type InMemoryPendingTextRequestsOptions,
	type PendingTextQuery,
	type PendingTextRequest,
	type PendingTextRequestStore,
} from './pendingTextRequests';
