import { filterEvents, normaliseWebhook, type WhatsAppEvent } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from './fixtures';

const OTHER_NUMBER = { display_phone_number: '15550001111', phone_number_id: '222222222222222' };

/** A mixed delivery: text + image + failed/sent statuses on our number, a read status on another, a template event. */
function mixedEvents(): WhatsAppEvent[] {
	const messages = normaliseWebhook(
		fx.messagesWebhook({
			contacts: [fx.SHEENA],
			messages: [
				{ from: fx.USER_WA_ID, id: 'wamid.T', timestamp: '1749416383', ...fx.TEXT },
				{ from: fx.USER_WA_ID, id: 'wamid.I', timestamp: '1749416384', ...fx.IMAGE },
			],
			statuses: [fx.SENT_STATUS, fx.FAILED_STATUS],
		}),
	);
	const otherNumber = normaliseWebhook({
		object: 'whatsapp_business_account',
		entry: [{ id: fx.WABA_ID, changes: [{ field: 'messages', value: { metadata: OTHER_NUMBER, statuses: [{ ...fx.SENT_STATUS, status: 'read' }] } }] }],
	});
	const template = normaliseWebhook(fx.wabaWebhook('message_template_status_update', { event: 'APPROVED', message_template_id: 1 }));
	return [...messages, ...otherNumber, ...template];
}

const ids = (events: WhatsAppEvent[]) => events.map((event) => event.eventId.split(':').slice(0, 2).join(':'));

describe('filterEvents', () => {
	it('keeps everything when no option (or only empty lists) is given', () => {
		const events = mixedEvents();
		expect(filterEvents(events, {})).toEqual(events);
		expect(filterEvents(events, { kinds: [], messageTypes: [], statuses: [], phoneNumberIds: [] })).toEqual(events);
	});

	it('keeps only the listed kinds', () => {
		expect(filterEvents(mixedEvents(), { kinds: ['message'] }).map((event) => event.eventId)).toEqual(['wamid.T', 'wamid.I']);
		expect(filterEvents(mixedEvents(), { kinds: ['template_status'] }).map((event) => event.kind)).toEqual(['template_status']);
	});

	it('filters message types without touching other kinds', () => {
		const kept = filterEvents(mixedEvents(), { messageTypes: ['image'] });
		expect(ids(kept)).toEqual([
			'wamid.I',
			`${fx.SENT_STATUS.id}:sent`,
			`${fx.FAILED_STATUS.id}:failed`,
			`${fx.SENT_STATUS.id}:read`,
			expect.stringMatching(/^template_status:/),
		]);
	});

	it('filters status values without touching other kinds (unlike n8n, no status list does not mean none)', () => {
		const kept = filterEvents(mixedEvents(), { statuses: ['failed'] });
		expect(kept.map((event) => event.kind)).toEqual(['message', 'message', 'status', 'template_status']);
		expect(kept[2].kind === 'status' && kept[2].status).toBe('failed');
	});

	it('keeps events of the listed phone numbers plus account-wide events that belong to no number', () => {
		const kept = filterEvents(mixedEvents(), { phoneNumberIds: [OTHER_NUMBER.phone_number_id] });
		expect(kept.map((event) => [event.kind, event.phoneNumberId])).toEqual([
			['status', OTHER_NUMBER.phone_number_id],
			['template_status', undefined],
		]);
	});

	it('combines options: failed statuses of one number only', () => {
		const kept = filterEvents(mixedEvents(), { kinds: ['status'], statuses: ['failed', 'read'], phoneNumberIds: [fx.PHONE_NUMBER_ID] });
		expect(ids(kept)).toEqual([`${fx.FAILED_STATUS.id}:failed`]);
	});
});
