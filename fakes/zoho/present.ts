/** Records, notes and users as Zoho CRM v8 / Bigin v2 answer them (`Get Records`, `Get Notes`, `Get Users`). */
import { zohoTime } from './envelope';
import type { ZohoProduct, ZohoSeedUser } from './seed';
import type { ZohoNote, ZohoRecord, ZohoState } from './state';

export function userRef(state: ZohoState, product: ZohoProduct, id: string): Record<string, unknown> {
	const user = state.user(product, id);
	return { name: user ? `${user.first_name} ${user.last_name}` : '', id, email: user?.email ?? null };
}

/** A record with every module field (null when empty), owner and audit fields; `only` limits the fields (`fields=` parameter). */
export function presentRecord(state: ZohoState, record: ZohoRecord, only?: string[]): Record<string, unknown> {
	const full: Record<string, unknown> = {};
	for (const field of state.fields(record.product, record.module)) {
		if (field.api_name === 'Owner' || field.api_name === 'Full_Name') continue;
		full[field.api_name] = record.fields[field.api_name] ?? null;
	}
	full.Full_Name = [record.fields.First_Name, record.fields.Last_Name].filter(Boolean).join(' ');
	full.Owner = userRef(state, record.product, record.ownerId);
	full.Created_Time = zohoTime(record.createdAt);
	full.Modified_Time = zohoTime(record.modifiedAt);
	full.Created_By = userRef(state, record.product, record.createdBy);
	full.Modified_By = userRef(state, record.product, record.modifiedBy);
	full.$approval_state = 'approved';
	full.id = record.id;
	if (!only || only.length === 0) return full;
	return Object.fromEntries(Object.entries(full).filter(([key]) => key === 'id' || only.includes(key)));
}

/** The `details` of a write's success item. */
export function writeDetails(state: ZohoState, record: ZohoRecord): Record<string, unknown> {
	const by = (id: string) => {
		const ref = userRef(state, record.product, id);
		return { name: ref.name, id: ref.id };
	};
	return { Modified_Time: zohoTime(record.modifiedAt), Modified_By: by(record.modifiedBy), Created_Time: zohoTime(record.createdAt), id: record.id, Created_By: by(record.createdBy), $approval_state: 'approved' };
}

export function presentNote(state: ZohoState, note: ZohoNote): Record<string, unknown> {
	const parent = state.store(note.product, note.parentModule).get(note.parentId);
	const name = parent ? [parent.fields.First_Name, parent.fields.Last_Name].filter(Boolean).join(' ') : null;
	return {
		id: note.id,
		Note_Title: note.title,
		Note_Content: note.content,
		Parent_Id: { module: { api_name: note.parentModule }, id: note.parentId, name },
		$se_module: note.parentModule,
		Owner: userRef(state, note.product, note.ownerId),
		Created_By: userRef(state, note.product, note.ownerId),
		Modified_By: userRef(state, note.product, note.ownerId),
		Created_Time: zohoTime(note.createdAt),
		Modified_Time: zohoTime(note.createdAt),
		$attachments: [],
		$editable: true,
	};
}

export function presentUser(user: ZohoSeedUser, createdAt: number): Record<string, unknown> {
	return {
		id: user.id,
		first_name: user.first_name,
		last_name: user.last_name,
		full_name: `${user.first_name} ${user.last_name}`,
		email: user.email,
		status: user.status,
		confirm: true,
		zuid: user.zuid,
		role: { name: user.role, id: `${user.id.slice(0, 13)}0026005` },
		profile: { name: user.profile, id: `${user.id.slice(0, 13)}0026011` },
		time_zone: 'Etc/UTC',
		locale: 'en_US',
		country: 'US',
		created_time: zohoTime(createdAt),
		Modified_Time: zohoTime(createdAt),
	};
}
