/**
 * M1 for the WhatsApp CRM node: with On Error = Continue, a failed item keeps the node's message
 * and description (the fix) after n8n's own WorkflowExecute has handled the output, in both modes.
 */
import { startCrmFake } from '../../../fakes';
import { crmTestBed } from '../crmTestBed';
import { fakeSuite, inboundText, zendeskCredential } from '../fakeSetup';

const suite = fakeSuite(async () => await startCrmFake('zendesk', {}), zendeskCredential);
const addMessage = { crm: 'zendesk', resource: 'ticket', operation: 'addMessage', record: 'sender' };

describe('M1: CRM node failed items keep the whole error in a real workflow run (WorkflowExecute)', () => {
	test.each([['continueRegularOutput' as const], ['continueErrorOutput' as const]])('a wrong API token: message and description survive (%s)', async (onError) => {
		suite.bed = crmTestBed(zendeskCredential(suite.fake, { apiToken: 'wrong-zendesk-token' }));
		const { outputs } = await suite.bed.runInWorkflow(addMessage, [inboundText('447911700091', 'hi')], onError);
		const failed = outputs.flat();
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatchObject({ message: expect.stringContaining("Couldn't authenticate you"), description: expect.stringContaining('API token'), httpCode: '401' });
		if (onError === 'continueErrorOutput') {
			expect(outputs[0]).toEqual([]);
			// n8n merges the input item's fields into an item of the error output.
			expect(failed[0].json).toMatchObject({ kind: 'message', from: { waId: '447911700091' } });
		}
		expect(JSON.stringify(failed[0].json)).not.toContain('wrong-zendesk-token');
	});
});
