/**
 * 360dialog template paths (docs/360dialog.md): GET/POST /v1/configs/templates and
 * DELETE /v1/configs/templates/{name}. Creation takes Meta's body and answers like Meta. The list
 * wrapper (`waba_templates` + count/total/offset/limit, lowercase status) is what third-party
 * clients report (docs/360dialog.md notes: not confirmed by 360dialog's docs).
 */
import { wabaIdOf, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';
import { createTemplate, deleteByName, filterTemplates, templateView } from './templates';

/** docs/360dialog.md: GET /v1/configs/templates?limit&offset (filters as (Meta: Template management)). */
export const listDialog360Templates: Handler = (context) => {
	const { query } = context;
	const limit = Number(query.get('limit') ?? 1000);
	const offset = Number(query.get('offset') ?? 0);
	if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
		throw new MetaApiError(100, 'limit must be a positive integer and offset a non-negative integer.');
	}
	const matching = filterTemplates(context.state.templatesOf(wabaIdOf(context)), query);
	const page = matching.slice(offset, offset + limit).map((template) => {
		const view = templateView(template, ['name', 'language', 'status', 'category', 'components', 'parameter_format', 'rejected_reason', 'id']);
		return { ...view, status: template.status.toLowerCase(), namespace: context.state.wabas.get(template.wabaId)?.message_template_namespace };
	});
	return { json: { count: page.length, filters: {}, limit, offset, sort: ['id'], total: matching.length, waba_templates: page } };
};

/** (Meta: Templates overview); docs/360dialog.md: POST /v1/configs/templates with Meta's creation body. */
export const createDialog360Template: Handler = createTemplate;

/** (Meta: Template management); docs/360dialog.md: DELETE /v1/configs/templates/{name} deletes every language. */
export const deleteDialog360Template: Handler = (context) => deleteByName(context, wabaIdOf(context), decodeURIComponent(context.params.name));
