/**
 * The WhatsApp CRM node in n8n-core's real execution contexts (test/harness), with all three CRM
 * credentials and one credential store per bed, so a test can read how often n8n-core saved a
 * refreshed Zoho token.
 */
import type { LoadOptionsContext } from 'n8n-core';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WhatsAppHubSpotApi } from '../../credentials/WhatsAppHubSpotApi.credentials';
import { WhatsAppZendeskApi } from '../../credentials/WhatsAppZendeskApi.credentials';
import { WhatsAppZohoOAuth2Api } from '../../credentials/WhatsAppZohoOAuth2Api.credentials';
import { WhatsAppCrm } from '../../nodes/WhatsAppCrm/WhatsAppCrm.node';
import { executeNode, loadOptionsContext, TestCredentialsHelper, type CredentialsByType, type NodeRunResult, type NodeUnderTest } from '../harness/n8nContext';
import { runInWorkflow, type OnError, type WorkflowRunResult } from '../harness/workflowRun';

export interface CrmTestBed {
	subject: NodeUnderTest;
	credentialsHelper: TestCredentialsHelper;
	run(parameters: INodeParameters, items?: INodeExecutionData[], options?: { continueOnFail?: boolean }): Promise<NodeRunResult>;
	optionsContext(parameters: INodeParameters): Promise<LoadOptionsContext>;
	/** The node after an Input node in n8n-core's WorkflowExecute, with its On Error setting (harness/workflowRun.ts). */
	runInWorkflow(parameters: INodeParameters, items: INodeExecutionData[], onError?: OnError): Promise<WorkflowRunResult>;
}

/** The node with all three CRM credentials (as a user would fill them in for the fakes). */
export function crmTestBed(credentials: CredentialsByType): CrmTestBed {
	const subject: NodeUnderTest = {
		nodeType: new WhatsAppCrm(),
		typeName: 'n8n-nodes-whatsapp-business.whatsAppCrm',
		credentialTypes: [new WhatsAppZohoOAuth2Api(), new WhatsAppZendeskApi(), new WhatsAppHubSpotApi()],
		credentials,
	};
	const credentialsHelper = new TestCredentialsHelper(subject);
	return {
		subject,
		credentialsHelper,
		run: async (parameters, items, options = {}) => await executeNode(subject, parameters, items, { ...options, credentialsHelper }),
		optionsContext: async (parameters) => await loadOptionsContext(subject, parameters, credentialsHelper),
		runInWorkflow: async (parameters, items, onError) => await runInWorkflow(subject, parameters, items, { onError, credentialsHelper }),
	};
}
