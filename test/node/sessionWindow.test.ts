import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { normaliseWebhook } from '../../nodes/shared/whatsapp/webhook';
import { outputNames } from '../../nodes/WhatsAppSessionWindow/actions/outputs';
import { WhatsAppSessionWindow } from '../../nodes/WhatsAppSessionWindow/WhatsAppSessionWindow.node';
import { executeNode, type NodeUnderTest } from '../harness/n8nContext';

const node = new WhatsAppSessionWindow();
const subject: NodeUnderTest = { nodeType: node, typeName: 'n8n-nodes-whatsapp-business.whatsAppSessionWindow', credentialTypes: [], credentials: {} };

interface RunOptions {
	items: IDataObject[];
	parameters?: INodeParameters;
	continueOnFail?: boolean;
	workflowTimeZone?: string;
}

/** Runs the node in n8n-core's ExecuteContext: parameters are the node's defaults plus overrides, expressions evaluated by n8n. */
async function runNode(options: RunOptions): Promise<INodeExecutionData[][]> {
	const items: INodeExecutionData[] = options.items.map((json) => ({ json }));
	const { outputs } = await executeNode(subject, options.parameters ?? {}, items, {
		continueOnFail: options.continueOnFail,
		workflowTimeZone: options.workflowTimeZone ?? 'Europe/Berlin',
	});
	return outputs;
}

/** The `outputs` expression evaluated for the given parameters, as the editor would. */
function evaluateOutputs(parameter: IDataObject): Array<{ type: string; displayName: string }> {
	const expression = node.description.outputs as string;
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${body});`)(parameter);
}

// Meta's Messages webhook reference page: inbound text message; the second message carries a Meta's Messages webhook reference page: click-to-WhatsApp referral.
const META_BODY = {
	object: 'whatsapp_business_account',
	entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
		messaging_product: 'whatsapp',
		metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
		contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
		messages: [
			{ from: '16505551234', id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzMEQ1', timestamp: '1749416383', type: 'text',
				text: { body: 'Does it come in another color?' } },
			{ from: '16505551234', id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzMEQ2', timestamp: '1749502783', type: 'text',
				text: { body: 'Chat with us' },
				referral: { source_url: 'https://fb.me/3cr4Wqqkv', source_id: '120226305854810726', source_type: 'ad',
					body: 'Summer Succulents are here!', headline: 'Chat with us', media_type: 'image',
					image_url: 'https://example.com/ad.jpg', ctwa_clid: 'Aff-n8ZTtest' } },
		],
	} }] }],
};
const triggerItems = () => normaliseWebhook(META_BODY) as unknown as IDataObject[];
const FIRST_MESSAGE = '2025-06-08T20:59:43Z'; // 1749416383
const SECOND_MESSAGE = '2025-06-09T20:59:43Z'; // 1749502783, the referral message

const names = (outputs: INodeExecutionData[][]) => outputs.map((output) => output.map((item) => item.pairedItem));

afterEach(() => jest.useRealTimers());
const setNow = (iso: string) => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }).setSystemTime(new Date(iso));

describe('node description', () => {
	it('is the routing node the package registers', () => {
		expect(node.description).toMatchObject({
			displayName: 'WhatsApp Session Window',
			name: 'whatsAppSessionWindow',
			icon: { light: 'file:whatsappSessionWindow.svg', dark: 'file:whatsappSessionWindow.dark.svg' },
			group: ['transform'],
			version: 1,
		});
		expect(node.description.usableAsTool).toBeUndefined();
	});

	it.each([
		[{ mode: 'customerServiceWindow', options: {} }, ['Open', 'Closed']],
		[{ mode: 'customerServiceWindow', options: { unknownOutput: true } }, ['Open', 'Closed', 'Unknown']],
		[{ mode: 'customerServiceWindow', options: { unknownOutput: false } }, ['Open', 'Closed']],
		[{ mode: 'businessHours', options: { unknownOutput: true } }, ['Open', 'Closed']],
		[{ mode: 'quietHours' }, ['Send Now', 'Later']],
	])('outputs expression for %j gives %j, as the router expects', (parameters, expected) => {
		expect(evaluateOutputs(parameters).map((output) => output.displayName)).toEqual(expected);
		expect(evaluateOutputs(parameters).every((output) => output.type === 'main')).toBe(true);
		expect(outputNames(parameters)).toEqual(expected);
	});
});

describe('Customer Service Window mode', () => {
	it('routes trigger items by their own timestamp: Open within 24 h, Closed after', async () => {
		setNow('2025-06-09T21:30:00Z'); // first message 24 h 30 min ago, second 31 min ago
		const [open, closed] = await runNode({ items: triggerItems() });
		expect(names([open, closed])).toEqual([[{ item: 1 }], [{ item: 0 }]]);
		expect(closed[0].json.window).toMatchObject({ status: 'closed', lastInboundAt: FIRST_MESSAGE, closesAt: '2025-06-09T20:59:43Z' });
		expect(open[0].json.window).toMatchObject({ status: 'open', lastInboundAt: SECOND_MESSAGE, humanLeft: '23 h 29 min' });
		expect(open[0].json.from).toMatchObject({ waId: '16505551234' }); // the item's own data is kept
	});

	it('computes the free entry point window for the item carrying a referral', async () => {
		setNow('2025-06-09T21:30:00Z');
		const [open, closed] = await runNode({ items: triggerItems() });
		expect(open[0].json.window).toMatchObject({ freeEntryPoint: { applies: true, isOpen: true, approximate: true, opensAt: SECOND_MESSAGE } });
		expect(closed[0].json.window).not.toHaveProperty('freeEntryPoint');
	});

	it('honours the safety margin', async () => {
		setNow('2025-06-09T20:50:00Z'); // 9 min 43 s left for the first message
		const [open, closed] = await runNode({ items: triggerItems().slice(0, 1), parameters: { safetyMarginMinutes: 10 } });
		expect([open.length, closed.length]).toEqual([0, 1]);
	});

	it('reads a stored last_inbound_at mapped from a Data table row', async () => {
		setNow('2025-06-09T12:00:00Z');
		const rows = [{ wa_id: '16505551234', last_inbound_at: '2025-06-09T10:00:00.000Z' }, { wa_id: '447400123456', last_inbound_at: 1749300000000 }];
		const [open, closed] = await runNode({ items: rows, parameters: { lastInboundAt: '={{ $json.last_inbound_at }}' } });
		expect(names([open, closed])).toEqual([[{ item: 0 }], [{ item: 1 }]]);
	});

	it('sends items without a usable time to Unknown when that output is on', async () => {
		setNow('2025-06-09T12:00:00Z');
		const outputs = await runNode({ items: [{ text: 'no time' }, { timestamp: FIRST_MESSAGE }], parameters: { options: { unknownOutput: true } } });
		expect(names(outputs)).toEqual([[{ item: 1 }], [], [{ item: 0 }]]);
		expect(outputs[2][0].json.window).toMatchObject({ status: 'unknown', isOpen: false });
	});

	it('fails the run on an item without a usable time when Unknown is off, naming the fix', async () => {
		const run = runNode({ items: [{ timestamp: 'not a time' }] });
		await expect(run).rejects.toBeInstanceOf(NodeOperationError);
		await expect(run).rejects.toMatchObject({
			message: expect.stringContaining('Cannot read "not a time" as a point in time'),
			description: expect.stringContaining('turn on the option "Unknown Output"'),
		});
	});

	it('with Continue On Fail, puts the failed item on Closed with the error and keeps the others', async () => {
		setNow('2025-06-09T12:00:00Z');
		const [open, closed] = await runNode({ items: [{ timestamp: '' }, { timestamp: FIRST_MESSAGE }], continueOnFail: true });
		expect(names([open, closed])).toEqual([[{ item: 1 }], [{ item: 0 }]]);
		expect(closed[0].json.error).toMatch(/No last inbound message time was given/);
		expect(closed[0].error).toBeInstanceOf(NodeOperationError);
	});

	it('reports a bad safety margin as an item error', async () => {
		await expect(runNode({ items: [{ timestamp: FIRST_MESSAGE }], parameters: { safetyMarginMinutes: -5 } })).rejects.toThrow(
			/Safety margin must be a number of minutes from 0 to 1439/,
		);
	});
});

describe('Business Hours mode', () => {
	const parameters = { mode: 'businessHours', schedule: 'mon-fri 09:00-17:30; fri 22:00-02:00', timeZone: 'Europe/London', holidays: '2025-12-25' };

	it('routes to Open during opening hours, with the result on each item', async () => {
		setNow('2025-06-09T10:00:00Z'); // Monday 11:00 BST
		const [open, closed] = await runNode({ items: [{ id: 1 }], parameters });
		expect([open.length, closed.length]).toEqual([1, 0]);
		expect(open[0].json.businessHours).toMatchObject({ open: true, localTime: '2025-06-09T11:00:00+01:00', nextCloseAt: '2025-06-09T16:30:00Z' });
	});

	it('routes to Closed on a holiday and after a shift crossing midnight', async () => {
		setNow('2025-12-25T10:00:00Z');
		const [, closedOnHoliday] = await runNode({ items: [{ id: 1 }], parameters });
		expect(closedOnHoliday[0].json.businessHours).toMatchObject({ open: false, holiday: true, nextOpenAt: '2025-12-26T09:00:00Z' });
		setNow('2025-06-14T01:30:00Z'); // Saturday 02:30 BST, the Friday night shift ended at 02:00
		const [openAfter, closedAfter] = await runNode({ items: [{ id: 1 }], parameters });
		expect([openAfter.length, closedAfter.length]).toEqual([0, 1]);
	});

	it("uses the workflow's time zone when none is given", async () => {
		setNow('2025-06-09T07:30:00Z'); // 09:30 in Berlin, 08:30 in London
		const [open] = await runNode({ items: [{ id: 1 }], parameters: { ...parameters, timeZone: '' }, workflowTimeZone: 'Europe/Berlin' });
		expect(open[0].json.businessHours).toMatchObject({ timeZone: 'Europe/Berlin', open: true });
	});

	it('explains a schedule it cannot read', async () => {
		await expect(runNode({ items: [{ id: 1 }], parameters: { ...parameters, schedule: 'weekdays 9-5' } })).rejects.toThrow(
			/Opening hours could not be read\. Entry 1 "weekdays 9-5"/,
		);
	});
});

describe('Quiet Hours mode', () => {
	it('reads the recipient from trigger items and from send items, per zone', async () => {
		setNow('2025-01-10T22:00:00Z'); // 22:00 London, 07:00 Tokyo next day, 17:00 New York … 12:00 Honolulu
		const items = [{ from: { waId: '447400123456' } }, { to: '+81 90 1234 5678' }, { from: { waId: '16505551234' } }];
		const [sendNow, later] = await runNode({ items, parameters: { mode: 'quietHours', defaultTimeZone: 'Europe/London' } });
		expect(names([sendNow, later])).toEqual([[{ item: 2 }], [{ item: 0 }, { item: 1 }]]);
		expect(later.map((item) => (item.json.quietHours as IDataObject).nextAllowedAt)).toEqual(['2025-01-11T08:00:00Z', '2025-01-10T23:00:00Z']);
		// A US number is daytime in all 8 US zones now; the default zone (London, night) is not used for it.
		expect(sendNow[0].json.quietHours).toMatchObject({ timeZone: 'America/New_York', timeZones: expect.arrayContaining(['Pacific/Honolulu']), timeZoneSource: 'phone', country: 'US' });
	});

	it('a sender who hides their number (wa_id empty) is read from the item\'s `to` when it has one, else from the user ID\'s country prefix', async () => {
		setNow('2025-01-10T22:00:00Z'); // 07:00 Tokyo next day, 17:00 New York … 12:00 Honolulu
		const items = [{ from: { waId: '', e164: '', userId: 'JP.12345678901234567890' }, to: '+81 90 1234 5678' }, { from: { waId: '', e164: '', userId: 'US.12345678901234567890' } }];
		const [sendNow, later] = await runNode({ items, parameters: { mode: 'quietHours', defaultTimeZone: 'Europe/London' } });
		expect(names([sendNow, later])).toEqual([[{ item: 1 }], [{ item: 0 }]]);
		expect(later[0].json.quietHours).toMatchObject({ timeZone: 'Asia/Tokyo', timeZoneSource: 'phone' });
		expect(sendNow[0].json.quietHours).toMatchObject({ country: 'US', timeZoneSource: 'phone', timeZones: expect.arrayContaining(['America/New_York']) });
	});

	it('puts an item it cannot decide on Later with Continue On Fail', async () => {
		const [sendNow, later] = await runNode({
			items: [{ to: '999123456789' }],
			parameters: { mode: 'quietHours', defaultTimeZone: 'Mars/Olympus' },
			continueOnFail: true,
		});
		expect(sendNow).toHaveLength(0);
		expect(later[0].json.error).toMatch(/Unknown time zone "Mars\/Olympus"/);
	});
});
