/**
 * The WhatsApp CRM node in n8n-core's real execution contexts (test/harness), with the credential
 * store extended the way n8n's own CredentialsHelper behaves for what the shared harness leaves out:
 * the Zoho credential extends oAuth2Api, so n8n-core signs its requests and refreshes the token on
 * 401 (saving the new token, as n8n saves it to its database); the Zendesk credential authenticates
 * with a generic `auth` (Basic) block.
 */
import { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IExecuteData,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	IRunExecutionData,
} from 'n8n-workflow';
import { WhatsAppHubSpotApi } from '../../credentials/WhatsAppHubSpotApi.credentials';
import { WhatsAppZendeskApi } from '../../credentials/WhatsAppZendeskApi.credentials';
import { WhatsAppZohoOAuth2Api } from '../../credentials/WhatsAppZohoOAuth2Api.credentials';
import { WhatsAppCrm } from '../../nodes/WhatsAppCrm/WhatsAppCrm.node';
import {
	additionalDataFor,
	ensureBinaryDataService,
	nodeOf,
	TestCredentialsHelper,
	workflowOf,
	type CredentialsByType,
	type NodeRunResult,
	type NodeUnderTest,
} from '../harness/n8nContext';
import { LoadOptionsContext } from 'n8n-core';

const OAUTH2_TYPES = new Set(['whatsAppZohoOAuth2Api']);

function fill(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_match, key: string) => String(credentials[key] ?? ''));
}

/** n8n's credential behaviour for OAuth2 parents and generic Basic auth; token refreshes are kept. */
export class CrmCredentialsHelper extends TestCredentialsHelper {
	/** How many times n8n-core saved a refreshed OAuth2 token. */
	tokenUpdates = 0;

	constructor(private readonly store: Pick<NodeUnderTest, 'credentialTypes' | 'credentials'>) {
		super(store);
	}

	// The base class declares these without parameters; n8n calls them with the ones read here.
	getParentTypes(...args: unknown[]): string[] {
		return OAUTH2_TYPES.has(String(args[0])) ? ['oAuth2Api'] : [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const withHeaders = await super.authenticate(credentials, typeName, requestOptions);
		const authenticate = this.store.credentialTypes.find((type) => type.name === typeName)?.authenticate;
		if (!authenticate || typeof authenticate === 'function' || !authenticate.properties.auth) return withHeaders;
		const auth = authenticate.properties.auth as { username?: string; password?: string };
		return { ...withHeaders, auth: { username: fill(auth.username ?? '', credentials), password: fill(auth.password ?? '', credentials) } };
	}

	async updateCredentialsOauthTokenData(...args: unknown[]): Promise<void> {
		const [, type, data] = args as [INodeCredentialsDetails, string, ICredentialDataDecryptedObject];
		this.tokenUpdates++;
		this.store.credentials[type] = { ...this.store.credentials[type], oauthTokenData: data.oauthTokenData };
	}
}

export interface CrmTestBed {
	subject: NodeUnderTest;
	credentialsHelper: CrmCredentialsHelper;
	run(parameters: INodeParameters, items?: INodeExecutionData[], options?: { continueOnFail?: boolean }): Promise<NodeRunResult>;
	optionsContext(parameters: INodeParameters): Promise<LoadOptionsContext>;
}

/** The node with all three CRM credentials (as a user would fill them in for the fakes). */
export function crmTestBed(credentials: CredentialsByType): CrmTestBed {
	const subject: NodeUnderTest = {
		nodeType: new WhatsAppCrm(),
		typeName: 'n8n-nodes-whatsapp-business.whatsAppCrm',
		credentialTypes: [new WhatsAppZohoOAuth2Api(), new WhatsAppZendeskApi(), new WhatsAppHubSpotApi()],
		credentials,
	};
	const credentialsHelper = new CrmCredentialsHelper(subject);
	const run: CrmTestBed['run'] = async (parameters, items = [{ json: {} }], options = {}) => {
		await ensureBinaryDataService();
		const node = nodeOf(subject, parameters);
		if (options.continueOnFail) node.onError = 'continueRegularOutput';
		const workflow = workflowOf(subject, node, { id: 'wf-crm', active: true, staticData: {} });
		const runExecutionData = {
			resultData: { runData: {} },
			executionData: { contextData: {}, nodeExecutionStack: [], metadata: {}, waitingExecution: {}, waitingExecutionSource: {} },
		} as unknown as IRunExecutionData;
		const inputData = { main: [items] };
		const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: 'Input' }] } };
		const additionalData = additionalDataFor(subject, node.parameters, 'http://127.0.0.1', { credentialsHelper });
		const context = new ExecuteContext(workflow, node, additionalData, 'webhook', runExecutionData, 0, items, inputData, executeData, []);
		const outputs = ((await subject.nodeType.execute!.call(context)) ?? []) as INodeExecutionData[][];
		return { outputs, items: outputs.flat() };
	};
	const optionsContext: CrmTestBed['optionsContext'] = async (parameters) => {
		await ensureBinaryDataService();
		const node = nodeOf(subject, parameters);
		const workflow = workflowOf(subject, node, { id: 'wf-crm', active: false, staticData: {} });
		return new LoadOptionsContext(workflow, node, additionalDataFor(subject, node.parameters, 'http://127.0.0.1', { credentialsHelper }), '');
	};
	return { subject, credentialsHelper, run, optionsContext };
}
