import type { IDataObject } from 'n8n-workflow';

/** Reads a dotted path such as "referral" or "message.referral" from an item's JSON. */
export function readPath(json: IDataObject, path: string): unknown {
	return path
		.split('.')
		.filter(Boolean)
		.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined), json);
}

/** True for a non-empty plain object, e.g. the trigger's `referral` on a click-to-WhatsApp message. */
export function isFilledObject(value: unknown): boolean {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
}
