export { closeSharedStateClients, KEY_PREFIX, redisLabel, sharedStateAt, sharedStateUrl, type SharedState } from './redis';
export { redisPacingLedger } from './pacingLedger';
export { deleteKeyIfSame, readKeys, stateKey, takeKeys, writeKey } from './keys';
