/**
 * What activation changed, kept in the node's static data (which n8n does persist for activation
 * and test-webhook hooks), so deactivation undoes exactly that and nothing else.
 */
import type { IHookFunctions } from 'n8n-workflow';

export interface OverrideChange {
	/** The override in force before ours; undefined when there was none. */
	previous?: string;
}

export interface PhoneOverrideChange extends OverrideChange {
	phoneNumberId: string;
}

export interface RegistrationRecord {
	version: 1;
	registration: 'meta' | 'dialog360';
	webhookUrl: string;
	/** Meta: we created the app's whatsapp_business_account subscription (its callback is our URL). */
	appSubscriptionCreated?: boolean;
	appId?: string;
	wabaId?: string;
	/** Meta: the WABA was not subscribed to the app before us. */
	wabaSubscribed?: boolean;
	wabaOverride?: OverrideChange;
	phoneOverrides?: PhoneOverrideChange[];
	/** 360dialog: the number's webhook URL before ours. */
	dialog360?: OverrideChange;
}

const KEY = 'registration';

export function loadRecord(context: IHookFunctions): RegistrationRecord | undefined {
	const record = context.getWorkflowStaticData('node')[KEY] as RegistrationRecord | undefined;
	return record && record.version === 1 ? record : undefined;
}

/** Saved after every step, so a failure half-way still lets deactivation undo the steps done. */
export function saveRecord(context: IHookFunctions, record: RegistrationRecord): void {
	context.getWorkflowStaticData('node')[KEY] = JSON.parse(JSON.stringify(record)) as RegistrationRecord;
}

export function clearRecord(context: IHookFunctions): void {
	delete context.getWorkflowStaticData('node')[KEY];
}

/**
 * The value to restore later. If the override already points at our URL (a record left by an
 * earlier activation that was not undone), the value to restore is the one that record kept.
 */
export function previousValue(current: string | undefined, webhookUrl: string, stale: OverrideChange | undefined): string | undefined {
	if (current === webhookUrl) return stale?.previous;
	return current || undefined;
}
