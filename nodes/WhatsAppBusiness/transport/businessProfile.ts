import type { IDataObject } from 'n8n-workflow';

/** Meta's Business profiles page: profile fields → the names this node outputs (camelCase like the other outputs). */
const OUTPUT_NAMES: Record<string, string> = {
	about: 'about',
	address: 'address',
	description: 'description',
	email: 'email',
	profile_picture_url: 'profilePictureUrl',
	vertical: 'vertical',
	websites: 'websites',
};

/**
 * Meta's Business profiles page: Meta's guide and the SDKs answer `{data:[{...fields}]}`; the generated reference wraps each
 * entry as `{business_profile:{...}}`. Both are read.
 */
export function profileFromResponse(body: unknown): IDataObject {
	const entry = ((body as { data?: unknown[] })?.data?.[0] ?? {}) as IDataObject;
	const profile = (entry.business_profile ?? entry) as IDataObject;
	const output: IDataObject = {};
	for (const [field, name] of Object.entries(OUTPUT_NAMES)) if (profile[field] !== undefined) output[name] = profile[field];
	return output;
}
