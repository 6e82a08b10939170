import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from '../../shared/whatsapp/schedule/businessHours';
import { quietHoursDecision } from '../../shared/whatsapp/schedule/quietHours';
import type { ItemDecision, ModeSummary } from './types';

const show = { show: { mode: ['quietHours'] } };

export const summary: ModeSummary = {
	name: 'Quiet Hours',
	subtitle: 'Quiet hours',
	description: "Send Now unless it is night (or a day off) in the recipient's time zone; Later items carry the next allowed time",
	// With Continue On Fail, a failed item goes where nothing free-form is sent right away.
	safeOutput: 'Later',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		default: '={{ $json.from?.waId || $json.to || $json.from?.userId }}',
		required: true,
		displayOptions: show,
		description:
			"WhatsApp ID, phone number (E.164) or business-scoped user ID (e.g. US.1349…) of the person to message. Their time zone comes from the country: when it has several (US, Canada, Brazil, Russia …), Send Now only when it is outside quiet hours in all of them (output timeZones).",
	},
	{
		displayName: 'Quiet From',
		name: 'quietStart',
		type: 'string',
		default: '21:00',
		placeholder: '21:00',
		displayOptions: show,
		description: "Recipient's local time (HH:mm) from which messages wait",
	},
	{
		displayName: 'Quiet Until',
		name: 'quietEnd',
		type: 'string',
		default: '08:00',
		placeholder: '08:00',
		displayOptions: show,
		description: "Recipient's local time (HH:mm) at which sending resumes. Earlier than Quiet From means the quiet hours cross midnight.",
	},
	{
		displayName: 'Default Time Zone',
		name: 'defaultTimeZone',
		type: 'string',
		default: '',
		placeholder: 'America/New_York',
		displayOptions: show,
		description:
			"IANA time zone for recipients whose country cannot be told from the number. Never used for countries with several zones. Empty uses the workflow's time zone.",
	},
	{
		displayName: 'Sending Days',
		name: 'allowedDays',
		type: 'multiOptions',
		default: [...WEEKDAYS],
		displayOptions: show,
		options: WEEKDAYS.map((day) => ({ name: day[0].toUpperCase() + day.slice(1), value: day })),
		description: "Days (in the recipient's time zone) on which messages may be sent at all",
	},
];

export function decide(this: IExecuteFunctions, itemIndex: number): ItemDecision {
	const defaultTimeZone = (this.getNodeParameter('defaultTimeZone', itemIndex, '') as string).trim() || this.getTimezone();
	const decision = quietHoursDecision({
		recipient: this.getNodeParameter('recipient', itemIndex, ''),
		quietStart: this.getNodeParameter('quietStart', itemIndex, '') as string,
		quietEnd: this.getNodeParameter('quietEnd', itemIndex, '') as string,
		defaultTimeZone,
		allowedDays: this.getNodeParameter('allowedDays', itemIndex, [...WEEKDAYS]) as Weekday[],
		now: DateTime.utc(),
	});
	return { output: decision.allowed ? 'Send Now' : 'Later', key: 'quietHours', result: decision as unknown as IDataObject };
}
