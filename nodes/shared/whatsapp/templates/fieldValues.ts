/** Reading user-supplied values: forms send '' for untouched inputs, so blank means "not given". */
import type { SendMediaObject, TemplateValues } from './types';

export function readValue(values: TemplateValues, id: string): string | undefined {
	const raw = values[id];
	if (raw === undefined || raw === null) return undefined;
	const text = String(raw);
	return text.trim() === '' ? undefined : text;
}

/** Digits only → an uploaded media ID; an http(s) URL → a link (Meta: Template components accepts either). */
export function mediaObjectFrom(value: string): SendMediaObject | undefined {
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return { id: trimmed };
	if (/^https?:\/\/\S+$/i.test(trimmed)) return { link: trimmed };
	return undefined;
}
