/** Analytics (Meta: Analytics): date ranges, Meta's template, messaging and pricing analytics as rows, and the delivery report built from statuses and sends. */
export * from './dateRange';
export * from './templateAnalytics';
export * from './wabaAnalytics';
export { readDeliveryItem, type DeliveryRecord, type SendRecord, type StatusRecord } from './deliveryRecords';
export * from './deliveryReport';
