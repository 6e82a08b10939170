/**
 * Turns Ajv's errors into one Meta error (Meta: Error codes emulator mapping): 131008 for a missing required
 * field, 100 for an unknown field, 131009 for a bad value. Among many errors (oneOf alternatives
 * report one each) it picks the one that explains the request best: alternatives ruled out by their
 * tag (`name`/`type` enum) are ignored, and the deepest remaining error wins.
 */
import type { ErrorObject } from 'ajv';
import { MetaApiError } from '../http/errors';

const WRAPPERS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'then', 'else']);

export function schemaErrorToMeta(errors: ErrorObject[]): MetaApiError {
	const concrete = withoutRuledOutAlternatives(errors.filter((error) => !WRAPPERS.has(error.keyword)));
	if (concrete.length === 0) {
		const where = metaPath(errors[0]?.instancePath ?? '');
		return new MetaApiError(131009, `Param ${where} must match exactly one allowed shape (a media object takes either id or link, not both).`);
	}
	const best = [...concrete].sort(compareErrors)[0];
	// A deeper oneOf that failed with both alternatives satisfied (flow_id and flow_name together) explains more than a sibling branch's missing field.
	const deeperChoice = errors.find((error) => error.keyword === 'oneOf' && error.params.passingSchemas && error.instancePath.split('/').filter(Boolean).length >= depth(best));
	if (deeperChoice) return new MetaApiError(131009, `Param ${metaPath(deeperChoice.instancePath)} must match exactly one allowed shape, not several (e.g. flow_id or flow_name, not both).`);
	if (best.keyword === 'required') {
		const sameSpot = concrete.filter((error) => error.keyword === 'required' && error.instancePath === best.instancePath && depth(error) === depth(best));
		const missing = [...new Set(sameSpot.map((error) => String(error.params.missingProperty)))];
		if (missing.length > 1 && sameSpot.every((error) => alternativeOf(error))) {
			return new MetaApiError(131008, `The parameter ${metaPath(best.instancePath) || 'body'} requires one of: ${missing.join(' or ')}.`);
		}
		return new MetaApiError(131008, `The parameter ${metaPath(`${best.instancePath}/${best.params.missingProperty}`)} is required.`);
	}
	if (best.keyword === 'unevaluatedProperties' || best.keyword === 'additionalProperties') {
		const key = String(best.params.unevaluatedProperty ?? best.params.additionalProperty);
		const where = metaPath(best.instancePath);
		return new MetaApiError(100, where ? `Unexpected key "${key}" on param "${where}".` : `Unexpected key "${key}" in the request body.`);
	}
	return new MetaApiError(131009, `Param ${metaPath(best.instancePath)} ${describe(best)}.`);
}

function describe(error: ErrorObject): string {
	if (error.keyword === 'enum') return `must be one of {${(error.params.allowedValues as unknown[]).join(', ')}}`;
	if (error.keyword === 'type') return `must be of type ${error.params.type}`;
	return error.message ?? 'is not valid';
}

/** Deepest first; at equal depth a wrong value beats a missing field (it is the more specific complaint). */
function compareErrors(a: ErrorObject, b: ErrorObject): number {
	return depth(b) - depth(a) || Number(a.keyword === 'required') - Number(b.keyword === 'required');
}

/** A missing property counts one level below the object that misses it. */
function depth(error: ErrorObject): number {
	const segments = error.instancePath.split('/').filter(Boolean).length;
	return error.keyword === 'required' ? segments + 1 : segments;
}

/** The oneOf/anyOf alternative an error belongs to (schemaPath up to ".../oneOf/N"), if any. */
function alternativeOf(error: ErrorObject): string | undefined {
	const match = /^(.*\/(?:oneOf|anyOf)\/\d+)/.exec(error.schemaPath);
	return match?.[1];
}

/**
 * An alternative whose tag does not match (an enum/const error on its own `name` or `type`, e.g.
 * action `name: "cta_url"` against the flow alternative) is not what the caller meant: drop its
 * errors, unless that would drop everything.
 */
function withoutRuledOutAlternatives(errors: ErrorObject[]): ErrorObject[] {
	const ruledOut = new Set<string>();
	for (const error of errors) {
		const alternative = alternativeOf(error);
		if (alternative && /^\/properties\/(name|type)\/(enum|const)$/.test(error.schemaPath.slice(alternative.length))) ruledOut.add(alternative);
	}
	const kept = errors.filter((error) => ![...ruledOut].some((prefix) => `${error.schemaPath}/`.startsWith(`${prefix}/`)));
	return kept.length > 0 ? kept : errors;
}

/** "/interactive/action/buttons/0/reply" → "interactive['action']['buttons'][0]['reply']" (Meta's style). */
export function metaPath(instancePath: string): string {
	const [first, ...rest] = instancePath.split('/').filter(Boolean);
	if (first === undefined) return '';
	return first + rest.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `['${segment.replace(/~1/g, '/').replace(/~0/g, '~')}']`)).join('');
}
