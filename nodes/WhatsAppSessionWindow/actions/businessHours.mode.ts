import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { isWithinBusinessHours, parseHolidayList, parseSchedule } from '../../shared/whatsapp/schedule/businessHours';
import type { ItemDecision, ModeSummary } from './types';

const show = { show: { mode: ['businessHours'] } };

export const summary: ModeSummary = {
	name: 'Business Hours',
	subtitle: 'Business hours',
	description: 'Open during your opening hours, in your time zone, except holidays',
	// With Continue On Fail, a failed item goes where nothing free-form is sent right away.
	safeOutput: 'Closed',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Opening Hours',
		name: 'schedule',
		type: 'string',
		typeOptions: { rows: 3 },
		default: 'mon-fri 09:00-17:00',
		required: true,
		displayOptions: show,
		placeholder: 'mon-fri 09:00-12:30, 13:30-17:30; sat 10:00-14:00',
		description:
			'Days then time ranges, entries separated by ";" or new lines. Days: mon … sun, spans like mon-fri, lists like mon,wed or "daily". Ranges: HH:mm-HH:mm, several joined by commas; 22:00-02:00 crosses midnight; "closed" for no hours. Days not listed are closed.',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'Europe/Berlin',
		displayOptions: show,
		description: "IANA time zone of the opening hours. Empty uses the workflow's time zone.",
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'string',
		default: '',
		placeholder: '2025-12-25, 2025-12-26',
		displayOptions: show,
		description: 'Dates closed all day (YYYY-MM-DD in the time zone above), separated by commas or new lines',
	},
];

export function decide(this: IExecuteFunctions, itemIndex: number): ItemDecision {
	const days = parseSchedule(this.getNodeParameter('schedule', itemIndex, '') as string);
	const timeZone = (this.getNodeParameter('timeZone', itemIndex, '') as string).trim() || this.getTimezone();
	const holidays = parseHolidayList(this.getNodeParameter('holidays', itemIndex, ''));
	const state = isWithinBusinessHours(DateTime.utc(), { timeZone, days, holidays });
	return { output: state.open ? 'Open' : 'Closed', key: 'businessHours', result: state as unknown as IDataObject };
}
