/**
 * Template management (Meta: Template management): list with filters, fields and cursor paging (Meta: Template management), get one (Meta: Template management),
 * create → PENDING → APPROVED/REJECTED (Meta: Templates overview, Template management), edit (Meta: Template management), delete by name or hsm_id (Meta: Template management).
 */
import { jsonBody, pickFields, requestedFields, wabaIdOf, type Handler, type RequestContext } from '../http/context';
import { MetaApiError } from '../http/errors';
import { numericId } from '../state/ids';
import { submitForReview } from '../state/template-review';
import type { TemplateRecord } from '../state/types';
import { paginate } from './paging';
import { checkTemplateContent, checkTemplateDefinition } from './template-rules';

export const TEMPLATE_FIELDS = [
	'id', 'name', 'language', 'status', 'category', 'sub_category', 'parameter_format', 'components',
	'rejected_reason', 'quality_score', 'message_send_ttl_seconds',
] as const;
const DEFAULT_FIELDS = ['name', 'parameter_format', 'components', 'language', 'status', 'category', 'sub_category', 'id'];

export function templateView(template: TemplateRecord, fields: string[] = DEFAULT_FIELDS): Record<string, unknown> {
	const { wabaId: _wabaId, createdAt: _createdAt, ...visible } = template;
	return { ...pickFields(visible, fields, TEMPLATE_FIELDS, 'WhatsAppBusinessHSM'), id: template.id };
}

/** Meta's Template management filters page: status, category, language (exact, comma lists, any case), name and content (contains). */
export function filterTemplates(templates: TemplateRecord[], query: URLSearchParams): TemplateRecord[] {
	const list = (name: string) => query.get(name)?.split(',').map((value) => value.trim().toUpperCase()).filter(Boolean);
	const statuses = list('status');
	const categories = list('category');
	const languages = list('language');
	const qualities = list('quality_score');
	const name = query.get('name')?.toLowerCase();
	const content = query.get('content')?.toLowerCase();
	const bodyOf = (template: TemplateRecord) => template.components.map((component) => component.text ?? '').join('\n').toLowerCase();
	return templates.filter(
		(template) =>
			(!statuses || statuses.includes(template.status)) &&
			(!categories || categories.includes(template.category)) &&
			(!languages || languages.includes(template.language.toUpperCase())) &&
			(!qualities || qualities.includes(template.quality_score.score)) &&
			(!name || template.name.includes(name)) &&
			(!content || bodyOf(template).includes(content)),
	);
}

/** Meta's Template management page: GET /{waba-id}/message_templates with filters, fields, limit, cursors, summary. */
export const listTemplates: Handler = (context) => {
	const matching = filterTemplates(context.state.templatesOf(wabaIdOf(context)), context.query);
	const fields = requestedFields(context);
	const page = paginate(context, matching, (template) => template.id);
	const summary = context.query.get('summary') ? { summary: { total_count: matching.length } } : {};
	return { json: { data: page.items.map((template) => templateView(template, fields)), ...(page.paging ? { paging: page.paging } : {}), ...summary } };
};

/** Meta's Templates overview page: POST /{waba-id}/message_templates → {id, status:"PENDING", category}, then review (Meta: Template management). */
export const createTemplate: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const body = jsonBody(context);
	context.validator.validate('createTemplate', body);
	const definition = checkTemplateDefinition(body);
	const duplicate = context.state.templatesOf(wabaId).find((template) => template.name === definition.name && template.language === definition.language);
	if (duplicate) {
		throw new MetaApiError(100, `Message template "${definition.name}" already exists in ${definition.language}. Edit it (POST /{template-id}) or pick another name.`);
	}
	const now = context.state.now();
	const template: TemplateRecord = {
		id: numericId(),
		wabaId,
		...definition,
		status: 'PENDING',
		quality_score: { score: 'UNKNOWN', date: Math.floor(now / 1000) },
		createdAt: now,
	};
	context.state.templates.set(template.id, template);
	submitForReview(context.state, template);
	return { json: { id: template.id, status: template.status, category: template.category }, responseId: template.id };
};

/** Meta's Template management page: only APPROVED, REJECTED or PAUSED templates; an approved template keeps its category. */
export function editTemplate(context: RequestContext, template: TemplateRecord) {
	const body = jsonBody(context);
	context.validator.validate('editTemplate', body);
	for (const locked of ['name', 'language', 'parameter_format']) {
		if (body[locked] !== undefined && body[locked] !== (template as unknown as Record<string, unknown>)[locked]) {
			throw new MetaApiError(100, `The ${locked} of a template cannot be edited; create a new template instead.`);
		}
	}
	if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(template.status)) {
		throw new MetaApiError(100, `Only APPROVED, REJECTED or PAUSED templates can be edited; this one is ${template.status}.`);
	}
	if (template.status === 'APPROVED' && body.category !== undefined && String(body.category).toUpperCase() !== template.category) {
		throw new MetaApiError(100, 'The category of an APPROVED template cannot be changed.');
	}
	const content = checkTemplateContent({ components: template.components, ...body }, template);
	Object.assign(template, content);
	submitForReview(context.state, template);
	return { json: { success: true }, responseId: template.id };
}

/** Meta's Template management page: ?name= deletes every language; ?hsm_id=&name= deletes one. DISABLED templates stay. */
export const deleteTemplates: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const name = context.query.get('name');
	const hsmId = context.query.get('hsm_id');
	if (!name) throw new MetaApiError(131008, 'The parameter name is required (add hsm_id to delete a single language).');
	return deleteByName(context, wabaId, name, hsmId ?? undefined);
};

/** Meta's Template management page: shared by Graph and 360dialog deletes. */
export function deleteByName(context: RequestContext, wabaId: string, name: string, hsmId?: string) {
	const targets = context.state.templatesOf(wabaId).filter((template) => template.name === name && (!hsmId || template.id === hsmId));
	if (targets.length === 0) {
		throw new MetaApiError(100, hsmId ? `No template with hsm_id ${hsmId} and name ${name}.` : `Message template "${name}" was not found.`);
	}
	const disabled = targets.find((template) => template.status === 'DISABLED');
	if (disabled) throw new MetaApiError(100, `Template ${name} (${disabled.language}) is DISABLED and cannot be deleted.`);
	for (const template of targets) context.state.templates.delete(template.id);
	return { json: { success: true } };
}
