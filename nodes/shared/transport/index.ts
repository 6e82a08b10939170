export * from './connection';
export * from './endpoints';
export * from './errors';
export * from './multipart';
export * from './request';
export * from './retry';
export * from './providerProperty';
