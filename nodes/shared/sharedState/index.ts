export { closeSharedStateClients, KEY_PREFIX, redisLabel, sharedStateAt, sharedStateUrl, type SharedState } from './redis';
export { redisPacingLedger } from './pacingLedger';
export { readKeys, stateKey, takeKeys } from './keys';
export {
	ALREADY_SENT_TTL_SECONDS,
	alreadySentRecordKey,
	awaitingStatusOf,
	claimAlreadySent,
	confirmByStatuses,
	markAlreadySent,
	parseAlreadySentValue,
	releaseAlreadySent,
	statusesHeardAt,
	type AlreadySentClaim,
	type AlreadySentValue,
	type KeyedStatus,
} from './alreadySentRecords';
