/**
 * The credential store of the n8n-core contexts (n8nContext.ts): credentials given in clear, as n8n
 * hands them over after decryption, with what n8n's own CredentialsHelper (packages/cli
 * credentials-helper.ts) does around them: a credential's parent types from its `extends` (so
 * n8n-core signs requests of an oAuth2Api child and refreshes its token on 401), the generic
 * `authenticate` block (headers, qs, body, auth) filled from the credential, and a refreshed OAuth2
 * token saved where the next execution reads it.
 */
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/** The credential types a node may use and the credentials (by type) a test gives it; refreshed tokens are written back. */
export interface CredentialStore {
	credentialTypes: ICredentialType[];
	credentials: CredentialsByType;
}

/** Fills `{{$credentials.x}}` in a value of a credential's generic `authenticate` block, as n8n does. */
function resolveCredentialExpression(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_match, key: string) => String(credentials[key] ?? ''));
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** How many times n8n-core saved a refreshed OAuth2 token. */
	tokenUpdates = 0;

	constructor(private readonly store: CredentialStore) {
		super();
	}

	private credentialType(typeName: string): ICredentialType | undefined {
		return this.store.credentialTypes.find((type) => type.name === typeName);
	}

	/** Every type `typeName` extends, nearest first (n8n's CredentialTypes.getParentTypes). */
	getParentTypes(typeName: string): string[] {
		const parents = this.credentialType(typeName)?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialType(typeName)?.authenticate;
		if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') return requestOptions;
		const options = { ...requestOptions } as IHttpRequestOptions & Record<string, unknown>;
		for (const [part, values] of Object.entries(authenticate.properties)) {
			const filled = { ...((options[part] as IDataObject | undefined) ?? {}) };
			for (const [name, value] of Object.entries(values as IDataObject)) filled[name] = resolveCredentialExpression(String(value), credentials);
			options[part] = filled;
		}
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.store.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(): Promise<void> {}

	/** Keeps the refreshed token, as n8n saves it to its database. */
	async updateCredentialsOauthTokenData(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.tokenUpdates++;
		this.store.credentials[type] = { ...this.store.credentials[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialType(type)?.properties ?? [];
	}
}
