import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

/** How the transport treats Meta's temporary refusals and broken connections (Meta: Error codes, Throughput). */
const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

async function injectFaults(faults: object[]) {
	const response = await fetch(`${bed.emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
	expect(response.status).toBe(200);
}

const sendText = { resource: 'message', operation: 'sendText', to: '16505551234', text: 'Your order has shipped' };

test('a send that Meta refused with a temporary 500 (131000) is retried and goes out exactly once', async () => {
	await injectFaults([{ pathPattern: '/messages$', kind: 'http500', code: 131000, count: 1 }]);
	const result = await bed.run(sendText);
	expect(String(result.items[0].json.messageId)).toMatch(/^wamid\./);
	const sent = (await (await fetch(`${bed.emulator.url}/__emulator/messages`)).json()) as { data: unknown[] };
	expect(sent.data).toHaveLength(1);
});

test('a throughput refusal (130429) is retried after a back-off', async () => {
	await injectFaults([{ pathPattern: '/messages$', kind: 'http500', code: 130429, count: 1 }]);
	const result = await bed.run(sendText);
	expect(result.items[0].json.messageId).toBeDefined();
});

test('a connection reset during a send is NOT retried (it may have been sent) and says so', async () => {
	await injectFaults([{ pathPattern: '/messages$', kind: 'reset', count: 1 }]);
	const result = await bed.run(sendText, undefined, { continueOnFail: true });
	const error = result.items[0].json.error as { message: string; description: string };
	expect(error.message).toMatch(/network error/i);
	expect(error.description).toMatch(/not repeated automatically/i);
	// the emulator would have accepted a second attempt: nothing was re-sent
	const sent = (await (await fetch(`${bed.emulator.url}/__emulator/messages`)).json()) as { data: unknown[] };
	expect(sent.data).toHaveLength(0);
});

test('C1: after the retries are used up, the error says so, and no longer that the node will try again', async () => {
	await injectFaults([{ pathPattern: '/messages$', kind: 'http500', code: 131000, count: 5 }]);
	const result = await bed.run({ ...sendText, to: '={{ $json.to }}' }, [{ json: { to: '16505551234' } }], { continueOnFail: true });
	const error = result.items[0].json.error as { code: number; retryable: boolean; attempts: number; description: string; advice: string };
	// retried twice (the default), then the mapped error is reported on the item
	expect(error).toMatchObject({ code: 131000, retryable: true, attempts: 3 });
	expect(error.description).toMatch(/WhatsApp refused this request 3 times in a row; the node's automatic retries are used up and it was not sent again\. Run the item again after about 5 seconds\./);
	expect(`${error.description} ${error.advice}`).not.toMatch(/the node (waits|tries|slows)|tries again/i);
	const log = await bed.accepted('/messages');
	expect(log).toHaveLength(0);
});

test('C1: a refusal Meta asks to wait out longer than a run waits is not retried, and the error says when to run again', async () => {
	await injectFaults([{ pathPattern: '/messages$', kind: 'http500', code: 132069, count: 1 }]);
	const result = await bed.run(sendText, undefined, { continueOnFail: true });
	const error = result.items[0].json.error as { code: number; description: string; attempts?: number };
	expect(error.code).toBe(132069);
	expect(error.attempts).toBeUndefined();
	expect(error.description).toMatch(/did not retry: WhatsApp asks to wait longer than the node waits within a run\. Run the item again after about 1 hour\./);
});

test('a permanent error is not retried, fails only its own item and says nothing about retrying', async () => {
	await injectFaults([{ pathPattern: '/messages$', kind: 'http500', code: 131026, count: 1 }]);
	const result = await bed.run(sendText, undefined, { continueOnFail: true });
	const error = result.items[0].json.error as { code: number; retryable: boolean; description: string };
	expect(error).toMatchObject({ code: 131026, retryable: false });
	expect(error.description).not.toMatch(/automatic retries|did not retry|not retried automatically/);
});
