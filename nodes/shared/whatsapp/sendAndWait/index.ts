/** Send and Wait for Response on WhatsApp itself: reply tokens, answers, request messages, pending Free Text requests. */
export {
	APPROVE,
	CHOICES_MAX,
	DECLINE,
	FREE_TEXT,
	answeredItem,
	choiceAnswer,
	choiceIndexOf,
	type AnswerChannel,
	type AnswerReply,
	type AnsweredItem,
	type ChoiceOption,
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
export { answerReply, replyCandidate, senderIdentities, type ReplyCandidate } from './replies';
export { buildApprovalButtonsMessage, buildChoiceListMessage, withAnswerPayloads, type ApprovalLabels, type TemplateAnswerButtons, type TokenFor } from './requestMessages';
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
