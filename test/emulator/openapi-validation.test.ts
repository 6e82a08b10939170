import { ERRATA } from '../../emulator/openapi/errata';
import { loadOpenApiDocument } from '../../emulator/openapi/load';
import { getRequestValidator, RequestValidator } from '../../emulator/openapi/validator';
import { MetaApiError } from '../../emulator/http/errors';
import { withDefaultType } from '../../emulator/handlers/messages';

/** Meta's own request examples for POST /messages, from the OpenAPI document. */
function officialMessageExamples(): Array<[string, Record<string, unknown>]> {
	const operation = loadOpenApiDocument().paths['/{Version}/{Phone-Number-ID}/messages'].post as any;
	const examples = operation.requestBody.content['application/json'].examples as Record<string, { value: Record<string, unknown> }>;
	return Object.entries(examples).map(([name, example]) => [name, example.value]);
}

function codeOf(validator: RequestValidator, body: unknown): number | 'valid' {
	try {
		validator.validate('sendMessage', body);
		return 'valid';
	} catch (error) {
		if (error instanceof MetaApiError) return error.code;
		throw error;
	}
}

/**
 * Skipped examples: commerce/catalog/order payloads are out of the emulator's scope (Meta: Send messages); links
 * written as placeholders ("http(s)://image-url") are not URLs; "Send Reply to List Message" omits
 * `type` on an interactive message (a documentation slip).
 */
const SKIPPED = /catalog|product|order|Reply to List Message/i;
const isPlaceholderLink = (body: unknown) => /"link":"<?http\(s\)/.test(JSON.stringify(body));

describe("Meta's OpenAPI schemas with the documented errata", () => {
	const patched = getRequestValidator();

	const examples = officialMessageExamples().filter(([name, body]) => !SKIPPED.test(name) && !isPlaceholderLink(body) && body.status === undefined);

	it('covers most of Meta\'s examples', () => {
		expect(examples.length).toBeGreaterThanOrEqual(30);
	});

	it.each(examples)('official example "%s" validates', (_name, body) => {
		expect(codeOf(patched, withDefaultType(body))).toBe('valid');
	});

	it('the published schema alone rejects Meta\'s own "Send Text Message" example (why erratum closed-allOf-branches exists)', () => {
		const unpatched = new RequestValidator(loadOpenApiDocument(), { errata: [] });
		const [, textExample] = officialMessageExamples().find(([name]) => name === 'Send Text Message')!;
		expect(codeOf(unpatched, textExample)).toBe(100);
		expect(codeOf(patched, textExample)).toBe('valid');
	});

	it('every erratum says why, citing a Meta documentation page or JSON Schema', () => {
		for (const erratum of ERRATA) expect(erratum.reason).toMatch(/Meta: |JSON Schema/);
	});

	it('still rejects unknown keys after the errata (unevaluatedProperties)', () => {
		expect(codeOf(patched, { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' }, extra: true })).toBe(100);
	});

	it('compiles once per process and reports its timings', () => {
		expect(getRequestValidator()).toBe(patched);
		expect(patched.timings.compileMs).toBeGreaterThan(0);
	});
});
