/**
 * M1: with On Error = Continue, a failed item keeps the pack's whole error (message, description,
 * advice, code, retryable, and what a workflow needs next, e.g. the unsent rest of a long text)
 * after n8n's own WorkflowExecute has handled the node's output, in both Continue modes; with
 * "Continue (using error output)" it goes to the error output, next to its input's fields.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { templateFields, locator, mapperValue } from '../harness/templateTestKit';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

type ErrorJson = Record<string, unknown> & { message: string; description?: string };
const errorOf = (item: INodeExecutionData) => item.json.error as ErrorJson;

async function templateByNameMappedAutomatically(): Promise<INodeParameters> {
	const schema = await templateFields(bed, 'order_confirmation|en_US');
	return {
		resource: 'message',
		operation: 'sendTemplate',
		to: '={{ $json.to }}',
		template: locator('={{ $json.template }}', 'name'),
		templateParameters: { ...mapperValue(schema, {}), mappingMode: 'autoMapInputData', value: null },
	};
}

const order = { to: '+447400123456', order_number: '860198', order_total: '$42.00', button_1_url: '860198' };
const templateItems: INodeExecutionData[] = [
	{ json: { ...order, template: 'Order_Confirmation|en_US', first_name: 'Ann' } },
	{ json: { ...order, template: 'order_confirmation|en_US', first_name: 'A\nB' } },
];

function expectTemplateErrors(unknownName: ErrorJson, lineBreak: ErrorJson) {
	expect(unknownName.message).toBe('No template named "Order_Confirmation" exists in this WhatsApp Business Account.');
	expect(unknownName.description).toMatch(/Did you mean "order_confirmation"\?/);
	expect(lineBreak.message).toMatch(/line break/);
	expect(lineBreak.description).toMatch(/Replace the line breaks/);
}

describe('M1: failed items keep the whole error in a real workflow run (WorkflowExecute)', () => {
	test('Continue (regular output): each failed item carries message and description (the suggestion, the fix), nothing is sent', async () => {
		const { outputs, error } = await bed.runInWorkflow(await templateByNameMappedAutomatically(), templateItems, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(1);
		const [unknownName, lineBreak] = outputs[0];
		expect(Object.keys(unknownName.json)).toEqual(['error']);
		expectTemplateErrors(errorOf(unknownName), errorOf(lineBreak));
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('Continue (using error output): failed items go to the error output with their input fields and the whole error', async () => {
		const { outputs } = await bed.runInWorkflow(await templateByNameMappedAutomatically(), templateItems, 'continueErrorOutput');
		const [success, failed] = outputs;
		expect(success).toEqual([]);
		expect(failed).toHaveLength(2);
		expect(failed[0].json).toMatchObject({ to: '+447400123456', template: 'Order_Confirmation|en_US' });
		expectTemplateErrors(errorOf(failed[0]), errorOf(failed[1]));
	});

	test.each([['continueRegularOutput' as const], ['continueErrorOutput' as const]])(
		'a Meta error keeps code, title, advice and retryable (%s); the item sent goes to the main output',
		async (onError) => {
			// 131021: the business number itself as the recipient.
			const items = [{ json: { to: CUSTOMER_WA_ID } }, { json: { to: '+15550783881' } }];
			const { outputs } = await bed.runInWorkflow({ resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'Your parcel left the warehouse' }, items, onError);
			const failed = outputs.flat().find((item) => item.json.error !== undefined)!;
			expect(errorOf(failed)).toMatchObject({ code: 131021, title: 'Recipient cannot be sender', retryable: false, category: 'recipient', advice: expect.stringMatching(/customer's number/) });
			expect(errorOf(failed).message).toBe('WhatsApp error 131021: Recipient cannot be sender');
			expect(outputs[0][0].json.messageId).toBeDefined();
			if (onError === 'continueErrorOutput') expect(outputs[1]).toEqual([failed]);
		},
	);

	test.each([['continueRegularOutput' as const], ['continueErrorOutput' as const]])(
		'a long text whose part 2 fails keeps sentParts and unsent, the rest to send (%s)',
		async (onError) => {
			await bed.reset({ faults: [{ pathPattern: '/messages$', method: 'POST', kind: 'reset', skip: 1, count: 1 }] });
			await bed.customerWrites({ from: CUSTOMER_WA_ID });
			const answer = Array.from({ length: 3 }, (_, n) => `Paragraph ${n + 1}. ${'All good here. '.repeat(200)}`).join('\n\n');
			const { outputs } = await bed.runInWorkflow(
				{ resource: 'message', operation: 'sendText', to: CUSTOMER_WA_ID, text: '={{ $json.answer }}', longText: 'split' },
				[{ json: { answer } }],
				onError,
			);
			const failed = outputs.flat()[0];
			const error = errorOf(failed) as ErrorJson & { sentParts: unknown[]; unsent: { text: string; parts: string[] } };
			expect(error.message).toMatch(/^Part 2 of 3 failed/);
			expect(error.description).toMatch(/error\.unsent/);
			expect(error.sentParts).toEqual([{ part: 1, messageId: expect.stringMatching(/^wamid\./) }]);
			expect(error.unsent.parts).toHaveLength(2);
			expect(answer.endsWith(error.unsent.text)).toBe(true);
			if (onError === 'continueErrorOutput') expect(outputs[0]).toEqual([]);
		},
	);

	test('a Delivery Report item that cannot be read keeps its whole error under Continue (regular output)', async () => {
		const { outputs } = await bed.runInWorkflow({ resource: 'analytics', operation: 'deliveryReport' }, [{ json: { kind: 'status', status: 'delivered' } }], 'continueRegularOutput');
		const failed = outputs[0].find((item) => item.json.error !== undefined);
		expect(failed).toBeDefined();
		expect(errorOf(failed!).description).toBeDefined();
	});

	test('without Continue On Fail the run stops with the error, as before', async () => {
		const { error } = await bed.runInWorkflow(await templateByNameMappedAutomatically(), templateItems);
		expect(error?.message).toBe('No template named "Order_Confirmation" exists in this WhatsApp Business Account.');
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});
});
