/**
 * Every reference a reader meets can be followed from the repository: code cites Meta's pages by
 * the names listed in docs/references.md, in one of the forms docs/references.md documents, or a
 * note under docs/; nothing cites the section numbers (section signs) of a document that is not in
 * the repository; and what users see in n8n (every node's and credential's descriptions, hints and
 * notices, the errors and advice the nodes build, the Session Window's reasons) cites nothing they
 * do not have.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { crmError, type CrmKind } from '../../nodes/shared/crm';
import { describeMetaError, KNOWN_META_ERROR_CODES } from '../../nodes/shared/whatsapp/errors';
import { isWithinBusinessHours } from '../../nodes/shared/whatsapp/schedule/businessHours';
import { customerServiceWindow } from '../../nodes/shared/whatsapp/schedule/customerServiceWindow';
import { quietHoursDecision } from '../../nodes/shared/whatsapp/schedule/quietHours';
import { packageCredentials, packageNodes } from '../harness/packageContents';
import { filesUnder, readSource, REPO_ROOT } from '../harness/sourceFiles';

const TEXT_FILES = ['.ts', '.js', '.json', '.md', '.yaml', '.yml', '.mjs'];
const CHECKED_FOLDERS = ['nodes', 'credentials', 'emulator', 'fakes', 'examples', 'docs', 'scripts', 'test', 'e2e', 'bench'];
const sources = CHECKED_FOLDERS.flatMap((folder) => filesUnder(folder, TEXT_FILES));

/** A user may not have our docs/ folder nor any reference document: no section sign, no docs/ path. */
const UNFOLLOWABLE_FOR_USERS = /\u00a7|docs\/[\w-]+\.md/;

test('no file cites section numbers (section signs) of a document outside the repository', () => {
	const cited = sources.filter((file) => readSource(file).includes('\u00a7'));
	expect(cited).toEqual([]);
});

/** TypeScript sources whose Meta citations are checked (this file names the forms, it cites nothing). */
const citingSources = sources.filter((name) => name.endsWith('.ts') && name !== 'test/layout/citations.test.ts');

test('Meta pages are cited in a form docs/references.md documents: "(Meta: Page name)" or "Meta\'s Page name page", never a quoted name', () => {
	const quoted = [...citingSources, ...sources.filter((name) => name.endsWith('.md'))].flatMap((file) => [...readSource(file).matchAll(/Meta(?:['’]s)? ?["“'‘][A-Z][^"”'’\n]{0,60}["”'’]/g)].map((match) => `${file}: ${match[0]}`));
	expect(quoted).toEqual([]);
});

test('every Meta page a comment cites by name is listed, with its address, in docs/references.md', () => {
	const listed = [...readSource('docs/references.md').matchAll(/^\| ([^|]+?) \| /gm)]
		.map((match) => match[1].trim())
		.filter((name) => name !== 'Page name' && name !== 'File' && !name.startsWith('---'))
		.sort((a, b) => b.length - a.length);
	/** The listed page names at the start of `text`, as a list "A, B, C" cites them. */
	const pagesAt = (text: string): string[] => {
		const pages: string[] = [];
		let rest = text;
		for (;;) {
			const page = listed.find((name) => rest.startsWith(name));
			if (!page) return pages;
			pages.push(page);
			rest = rest.slice(page.length);
			if (!rest.startsWith(', ')) return pages;
			rest = rest.slice(2);
		}
	};
	const unknown: string[] = [];
	for (const file of citingSources) {
		// A citation may run over lines of a comment: read comment lines as one.
		const text = readSource(file).replace(/\n\s*(?:\*(?!\/)|\/\/)\s*/g, ' ');
		// Citations read "(Meta: A, B)", "…, Meta: A" or "Meta's A page"; a bare "Meta: " starts prose about the provider.
		const citations = [...text.matchAll(/[(,;] Meta: (.{0,80})|\(Meta: (.{0,80})/g), ...text.matchAll(/Meta's ((?:(?!Meta's)[^.:\n]){1,80}? pages?)\b/g)]
			.map((match) => match[1] ?? match[2])
			// a page name starts with a capital (Media) or is a webhook field (account_update …); other words are prose
			.filter((citation) => /^[A-Z]|^[a-z]+_[a-z_]+ /.test(citation));
		for (const citation of citations) if (pagesAt(citation).length === 0) unknown.push(`${file}: ${citation}`);
	}
	expect(unknown).toEqual([]);
	expect(listed.length).toBeGreaterThan(30);
});

test('every docs/ note the code cites exists', () => {
	const missing = new Set<string>();
	for (const file of sources) {
		for (const [path] of readSource(file).matchAll(/docs\/[\w-]+\.md/g)) if (!existsSync(join(REPO_ROOT, path))) missing.add(`${file}: ${path}`);
	}
	expect([...missing]).toEqual([]);
});

/** Every string in a node or credential description: names, descriptions, hints, placeholders, notices. */
function descriptionStrings(value: unknown, path = ''): Array<[string, string]> {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((entry, index) => descriptionStrings(entry, `${path}[${index}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => descriptionStrings(entry, `${path}.${key}`));
	return [];
}

test.each([...packageNodes(), ...packageCredentials()])('what %s shows in the editor cites nothing the user does not have', (_path, described) => {
	const strings = descriptionStrings('description' in described ? described.description : described);
	expect(strings.length).toBeGreaterThan(5);
	expect(strings.filter(([, text]) => UNFOLLOWABLE_FOR_USERS.test(text))).toEqual([]);
});

/** The text of every string and template literal in a TypeScript file (comments are not tokens). */
function literalsOf(file: string): string[] {
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) found.push(node.text);
		ts.forEachChild(node, visit);
	};
	visit(ts.createSourceFile(file, readSource(file), ts.ScriptTarget.Latest, true));
	return found;
}

test('no text the nodes or credentials build (errors, advice, outputs, log lines) cites what the user does not have', () => {
	const files = [...filesUnder('nodes'), ...filesUnder('credentials')];
	const cited = files.flatMap((file) => literalsOf(file).filter((text) => UNFOLLOWABLE_FOR_USERS.test(text)).map((text) => `${file}: ${text}`));
	expect(files.length).toBeGreaterThan(100);
	expect(cited).toEqual([]);
});

test("the advice users read for every CRM's refusals cites nothing they do not have", () => {
	const codes = [...new Set([...readSource('nodes/shared/crm/errors.ts').matchAll(/(?:case|===) '([A-Za-z_]+)'/g)].map((match) => match[1]))];
	const kinds: CrmKind[] = ['zohoCrm', 'bigin', 'zendesk', 'hubspot'];
	const texts = kinds.flatMap((kind) =>
		[400, 401, 403, 404, 409, 422, 429, 500, 503].flatMap((status) =>
			[undefined, ...codes].flatMap((code) => {
				// One body in every vendor's shape at once: each adapter reads its own keys.
				const body = { code, category: code, error: code, status: 'error', message: 'refused', description: 'refused', details: { api_name: 'Email', expected_data_type: 'text' }, data: [] };
				const error = crmError(kind, { status, body, headers: {} }, 'create the contact');
				return [error.message, error.description];
			}),
		),
	);
	expect(codes.length).toBeGreaterThan(8);
	expect(texts.filter((text) => UNFOLLOWABLE_FOR_USERS.test(text))).toEqual([]);
});

test('the advice users read for every Meta error code cites nothing they do not have', () => {
	const texts = [...KNOWN_META_ERROR_CODES, 299, 999999].flatMap((code) => {
		const advice = describeMetaError(code);
		return [advice.title, advice.advice];
	});
	expect(texts.filter((text) => UNFOLLOWABLE_FOR_USERS.test(text))).toEqual([]);
});

test("the Session Window's reasons cite nothing the user does not have", () => {
	const now = new Date('2025-06-09T12:00:00Z');
	const reasons = [
		customerServiceWindow({ lastInboundAt: '2025-06-09T10:00:00Z', now }).reason,
		customerServiceWindow({ lastInboundAt: '2025-06-07T10:00:00Z', now }).reason,
		customerServiceWindow({ lastInboundAt: '', now }).reason,
		customerServiceWindow({ lastInboundAt: '2025-06-09T10:00:00Z', referralAt: '2025-06-09T10:00:00Z', firstReplyAt: '2025-06-09T10:05:00Z', now }).reason,
		isWithinBusinessHours(now, { timeZone: 'Europe/London', days: { monday: [{ from: '09:00', to: '17:00' }] } }).reason,
		isWithinBusinessHours(now, { timeZone: 'Europe/London', days: {} }).reason,
		quietHoursDecision({ recipient: '447700900123', quietStart: '21:00', quietEnd: '08:00', now }).reason,
		quietHoursDecision({ recipient: '447700900123', quietStart: '08:00', quietEnd: '21:00', now }).reason,
	];
	expect(reasons.every((reason) => reason.length > 0)).toBe(true);
	expect(reasons.filter((reason) => UNFOLLOWABLE_FOR_USERS.test(reason))).toEqual([]);
});
