/**
 * Continue On Fail: every failed item has one shape, whatever failed (QA2 m6): a value the node
 * refused before sending, an answer of Meta's, a connection that broke. `{{ $json.error.advice }}`
 * and `{{ $json.error.code }}` are filled for all of them, and the item says which customer it was.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { useInMemoryDeduplicator } from '../harness/inMemoryDeduplicator';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();
useInMemoryDeduplicator();

interface FailedItemError {
	message: string;
	description: string;
	code: number | string;
	advice: string;
	retryable: boolean;
	category: string;
	field?: string;
	to?: string;
	alreadySentKey?: string;
}

const errorsOf = (items: INodeExecutionData[]) => items.filter((item) => item.json.error).map((item) => item.json.error as unknown as FailedItemError);
const skipByOrder = { skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}' };
const sendText = (messageOptions: object = {}): INodeParameters => ({ resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'Your order has shipped', messageOptions: messageOptions as INodeParameters });

describe('QA2 m6: a failed item has the same fields whatever failed, and names its customer', () => {
	test('a refused value carries code, advice, field and retryable like an answer of Meta, plus the Recipient and the Already Sent Key', async () => {
		const items = [
			{ json: { to: '16505551000', orderId: 'ORDER-1' } },
			{ json: { to: 'not a number', orderId: 'ORDER-2' } },
			{ json: { to: '16505551002', orderId: 'ORDER|3' } },
		];
		const result = await bed.run(sendText(skipByOrder), items, { continueOnFail: true });
		const [badPhone, badKey] = errorsOf(result.items);
		expect(badPhone).toEqual({
			message: expect.any(String),
			description: expect.stringContaining('(field: to)'),
			code: 'invalidInput',
			advice: expect.any(String),
			retryable: false,
			category: 'input',
			field: 'to',
			to: 'not a number',
			alreadySentKey: 'ORDER-2',
		});
		expect(badPhone.description.startsWith(badPhone.advice)).toBe(true);
		expect(badKey).toMatchObject({ code: 'invalidInput', field: 'alreadySentKey', retryable: false, to: '16505551002', alreadySentKey: 'ORDER|3' });
		// `error` stays the json's one key: n8n routes such an item to the error output (WorkflowExecute handleNodeErrorOutput).
		for (const item of result.items.filter((candidate) => candidate.json.error)) expect(Object.keys(item.json)).toEqual(['error']);
	});

	test("Meta's refusal and a broken connection carry the same fields: a Meta code is a number, ours a word", async () => {
		const media: INodeParameters = { resource: 'message', operation: 'sendMedia', to: '={{ $json.to }}', mediaType: 'image', mediaSource: 'id', mediaId: '={{ $json.mediaId }}' };
		const refused = await bed.run(media, [{ json: { to: '16505551000', mediaId: '1234567890' } }], { continueOnFail: true });
		const [meta] = errorsOf(refused.items);
		expect(meta).toMatchObject({ code: 131053, advice: expect.any(String), retryable: false, category: 'media', to: '16505551000' });
		expect(meta.description).toEqual(expect.any(String));

		await bed.reset({ faults: [{ pathPattern: '/messages$', method: 'POST', kind: 'reset', count: 1 }] });
		const broken = await bed.run(sendText(), [{ json: { to: '16505551000' } }], { continueOnFail: true });
		const [network] = errorsOf(broken.items);
		// The request may have arrived: sending it again could send the message twice, so it is not retryable.
		expect(network).toMatchObject({ code: 'network', category: 'network', retryable: false, to: '16505551000' });
		expect(network.advice).toMatch(/not repeated automatically/);
		expect(network.description).toContain(network.advice);

		const fields = ['message', 'description', 'code', 'advice', 'retryable', 'category', 'to'];
		for (const error of [meta, network]) expect(Object.keys(error)).toEqual(expect.arrayContaining(fields));
	});

	test('QA2 m7: an Already Sent Key that evaluates to an object or a list is called so, not "empty", naming the fix', async () => {
		const items = [{ json: { to: '16505551000', orderId: { id: 1 } } }, { json: { to: '16505551001', orderId: [1, 2] } }];
		const result = await bed.run(sendText(skipByOrder), items, { continueOnFail: true });
		const [object, list] = errorsOf(result.items);
		expect(object).toMatchObject({ message: 'The Already Sent Key of this item is an object, not text or a number.', field: 'alreadySentKey', advice: expect.stringMatching(/one field of it/) });
		expect(list.message).toBe('The Already Sent Key of this item is a list, not text or a number.');
		expect(object.alreadySentKey).toBeUndefined();
	});

	test('QA2 m17: the media link has one name, mediaLink, whether it is a share page or not an http(s) address', async () => {
		const document: INodeParameters = { resource: 'message', operation: 'sendMedia', to: '={{ $json.to }}', mediaType: 'document', mediaSource: 'link', mediaLink: '={{ $json.link }}' };
		const items = [
			{ json: { to: '16505551000', link: 'https://drive.google.com/file/d/1AbCdEfGh/view?usp=sharing' } },
			{ json: { to: '16505551001', link: 'ftp://example.com/invoice.pdf' } },
		];
		const result = await bed.run(document, items, { continueOnFail: true });
		const errors = errorsOf(result.items);
		expect(errors).toHaveLength(2);
		expect(errors.map((error) => error.field)).toEqual(['mediaLink', 'mediaLink']);
		expect(errors.map((error) => error.description.endsWith('(field: mediaLink)'))).toEqual([true, true]);
	});
});
