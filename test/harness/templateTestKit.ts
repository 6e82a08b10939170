import type { ILoadOptionsFunctions, INodeListSearchResult, INodeParameters, ResourceMapperField } from 'n8n-workflow';
import * as listSearch from '../../nodes/WhatsAppBusiness/methods/listSearch';
import * as resourceMapping from '../../nodes/WhatsAppBusiness/methods/resourceMapping';
import type { NodeTestBed } from './whatsAppBusinessTestBed';

/** Shared steps of the template node tests: what the editor does (lists, field form) and how n8n stores the result. */

export const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

type SearchMethod = 'searchTemplates' | 'searchAllTemplates';

/** Scrolls a searchable list to the end, as the editor does, and returns every row. */
export async function listEveryPage(bed: NodeTestBed, method: SearchMethod, parameters: INodeParameters, filter?: string) {
	const context = (await bed.optionsContext(parameters)) as unknown as ILoadOptionsFunctions;
	const rows: INodeListSearchResult['results'] = [];
	let token: string | undefined;
	let calls = 0;
	do {
		const page = await listSearch[method].call(context, filter, token);
		rows.push(...page.results);
		token = page.paginationToken;
		calls++;
	} while (token !== undefined && calls < 50);
	return { rows, calls };
}

/** The field form the editor shows for the chosen template. */
export async function templateFields(bed: NodeTestBed, value: string, extra: INodeParameters = {}): Promise<ResourceMapperField[]> {
	const context = (await bed.optionsContext({ resource: 'message', operation: 'sendTemplate', template: locator(value), ...extra })) as unknown as ILoadOptionsFunctions;
	return (await resourceMapping.getTemplateFields.call(context)).fields;
}

/** The resourceMapper value as n8n stores it once the user has filled the form. */
export function mapperValue(schema: ResourceMapperField[], value: Record<string, string>) {
	return { mappingMode: 'defineBelow', value, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: true };
}

export async function sendTemplateParameters(bed: NodeTestBed, template: string, values: Record<string, string>, extra: INodeParameters = {}): Promise<INodeParameters> {
	const schema = await templateFields(bed, template, extra);
	return { resource: 'message', operation: 'sendTemplate', to: '+16505551234', template: locator(template), templateParameters: mapperValue(schema, values), ...extra };
}

/** The template message bodies the emulator accepted, in order. */
export async function sentTemplates(bed: NodeTestBed) {
	const accepted = await bed.accepted('/messages');
	return accepted.map((request) => request.body as { to: string; template: { name: string; language: { code: string }; components?: unknown[] } });
}
