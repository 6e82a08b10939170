/**
 * Notes (Zoho CRM v8 "Create Notes" / "Get Notes"; Bigin v2 "Notes"). `POST /Notes` takes the
 * parent as `Parent_Id: {module:{api_name}, id}` (v8) or `Parent_Id: "<id>"` with `se_module` /
 * `$se_module` (v2 and community Bigin code — which one Bigin wants is not confirmed, so all are
 * accepted); `POST /{Module}/{id}/Notes` takes it from the URL. Success 201; when every note fails
 * the answer is 202, the status Zoho's notes spec lists for note errors.
 */
import { isPlainObject, type FakeRequest, type FakeResponse } from '../common/http';
import { isBlank } from '../common/util';
import { authenticate, requireModuleScope } from './auth';
import { envelope, itemError, itemSuccess, NO_CONTENT, type ZohoItem } from './envelope';
import { presentNote, writeDetails } from './present';
import { actingUser, page, readData, requireModule, type ZohoContext } from './records';
import type { ZohoNote } from './state';

const TITLE_MAX = 120;
const CONTENT_MAX = 32000;

export function createNotes(context: ZohoContext, request: FakeRequest): FakeResponse {
	const fromUrl = request.params.module ? { module: request.params.module, id: request.params.id } : undefined;
	if (fromUrl) requireModule(context, fromUrl.module);
	requireModuleScope(authenticate(context.state, context.config, request), context.product, 'notes', 'CREATE');
	const { data } = readData(request);
	const items = data.map((input, index): ZohoItem => {
		const path = `$.data[${index}]`;
		if (!isPlainObject(input)) return itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject', api_name: 'data', json_path: path });
		const parent = fromUrl ?? parentOf(input);
		if ('error' in parent) return itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: parent.error, json_path: `${path}.${parent.error}` });
		if (!context.state.isModule(context.product, parent.module)) return itemError('INVALID_DATA', 'invalid data', { api_name: 'se_module', json_path: `${path}.Parent_Id.module` });
		const record = context.state.store(context.product, parent.module).get(parent.id);
		if (!record) return itemError('INVALID_DATA', 'the related id given seems to be invalid', { api_name: 'Parent_Id', json_path: `${path}.Parent_Id`, id: parent.id });
		if (isBlank(input.Note_Content)) return itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Note_Content', json_path: `${path}.Note_Content` });
		const content = String(input.Note_Content);
		const title = isBlank(input.Note_Title) ? null : String(input.Note_Title);
		if (content.length > CONTENT_MAX) return itemError('INVALID_DATA', 'invalid data', { maximum_length: CONTENT_MAX, api_name: 'Note_Content', json_path: `${path}.Note_Content` });
		if (title && title.length > TITLE_MAX) return itemError('INVALID_DATA', 'invalid data', { maximum_length: TITLE_MAX, api_name: 'Note_Title', json_path: `${path}.Note_Title` });
		const note: ZohoNote = { id: context.state.nextId(context.product), product: context.product, title, content, parentModule: parent.module, parentId: parent.id, ownerId: actingUser(context), createdAt: request.now };
		context.state.notes[context.product].set(note.id, note);
		const asRecord = { ...record, id: note.id, createdAt: note.createdAt, modifiedAt: note.createdAt, createdBy: note.ownerId, modifiedBy: note.ownerId };
		return itemSuccess('record added', writeDetails(context.state, asRecord));
	});
	return envelope(items, 201, 202);
}

function parentOf(input: Record<string, unknown>): { module: string; id: string } | { error: string } {
	const parent = input.Parent_Id;
	if (isPlainObject(parent)) {
		const module = isPlainObject(parent.module) ? parent.module.api_name : undefined;
		if (isBlank(parent.id)) return { error: 'Parent_Id' };
		if (typeof module !== 'string') return { error: 'se_module' };
		return { module, id: String(parent.id) };
	}
	if (isBlank(parent)) return { error: 'Parent_Id' };
	const module = input.se_module ?? input.$se_module;
	if (typeof module !== 'string') return { error: 'se_module' };
	return { module, id: String(parent) };
}

/** GET /{Module}/{id}/Notes: the record's notes, newest first; 204 when none. */
export function listRecordNotes(context: ZohoContext, request: FakeRequest): FakeResponse {
	const { module, id } = request.params;
	requireModule(context, module);
	requireModuleScope(authenticate(context.state, context.config, request), context.product, 'notes', 'READ');
	const notes = [...context.state.notes[context.product].values()].filter((note) => note.parentModule === module && note.parentId === id).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
	return page(
		notes.map((note) => presentNote(context.state, note)),
		request,
	);
}

/** GET /Notes/{id}: `{data:[note]}` or 204. */
export function getNote(context: ZohoContext, request: FakeRequest): FakeResponse {
	requireModuleScope(authenticate(context.state, context.config, request), context.product, 'notes', 'READ');
	const note = context.state.notes[context.product].get(request.params.id);
	return note ? { status: 200, json: { data: [presentNote(context.state, note)] } } : NO_CONTENT;
}
