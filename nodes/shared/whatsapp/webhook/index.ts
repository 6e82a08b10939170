/** Webhook part of the WhatsApp domain core: authenticity checks, normalisation, filters, dedupe. */
export {
	verifyMetaSignature,
	signMetaPayload,
	verifyChallenge,
	SIGNATURE_FAILURE_ADVICE,
	CHALLENGE_FAILURE_ADVICE,
} from './signature';
export type { SignatureCheck, SignatureFailure, ChallengeCheck, ChallengeFailure } from './signature';
export { normaliseWebhook } from './normalise';
export type { NormaliseOptions } from './normalise';
export { filterEvents } from './filter';
export type { EventFilterOptions } from './filter';
export { SeenEventIds } from './dedupe';
export { callbackUrlProblem, callbackUrlAdvice, isMetaGraphHost, MAX_CALLBACK_URL_LENGTH } from './callbackUrl';
export type { CallbackUrlProblem } from './callbackUrl';
export { adviseWebhookError } from './errorAdvice';
export type { WebhookErrorPlace, WebhookErrorAdvice } from './errorAdvice';
export type { SeenEventIdsOptions, SeenEventIdsData } from './dedupe';
export * from './types';
export type { JsonObject } from './jsonReaders';
