export * from './connection';
export * from './endpoints';
export * from './errors';
export { encodeMultipart } from './multipart';
export * from './request';
export * from './providerProperty';
export * from './redaction';
export * from './pacing';
export { SEND_RETRY_POLICY } from './retry';
