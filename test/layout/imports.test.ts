/**
 * Imports point downward: a node's operations use its field blocks, its `transport/` readers and
 * the shared code, never another resource's folder; `transport/` and `methods/` never reach up
 * into `actions/`; the WhatsApp domain core imports nothing from n8n nor from the nodes.
 */
import { dirname, join, normalize } from 'node:path';
import { filesUnder, importsOf } from '../harness/sourceFiles';

/** The repository path an import of `file` points at, or the package name for a bare import. */
function target(file: string, specifier: string): string {
	return specifier.startsWith('.') ? normalize(join(dirname(file), specifier)).split('\\').join('/') : specifier;
}

const nodeFolders = [...new Set(filesUnder('nodes').map((file) => file.split('/')[1]))].filter((folder) => folder !== 'shared');

describe.each(nodeFolders)('node %s', (node) => {
	const root = `nodes/${node}`;
	const files = filesUnder(root);

	test('an operation or field block imports from its own resource folder, the shared field blocks, transport/ and the shared code only', () => {
		const wrong: string[] = [];
		for (const file of files.filter((name) => /^nodes\/[^/]+\/actions\/[^/]+\//.test(name))) {
			const ownFolder = dirname(file);
			for (const specifier of importsOf(file)) {
				const path = target(file, specifier);
				if (!path.startsWith('nodes/')) continue;
				const allowed =
					path.startsWith(`${ownFolder}/`) ||
					path.startsWith(`${root}/transport/`) ||
					path.startsWith('nodes/shared/') ||
					(path.startsWith(`${root}/actions/`) && path.split('/').length === 4);
				if (!allowed) wrong.push(`${file} → ${specifier}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	test('transport/ and methods/ never import from actions/', () => {
		const wrong = files
			.filter((file) => file.startsWith(`${root}/transport/`) || file.startsWith(`${root}/methods/`))
			.flatMap((file) => importsOf(file).filter((specifier) => target(file, specifier).startsWith(`${root}/actions/`)).map((specifier) => `${file} → ${specifier}`));
		expect(wrong).toEqual([]);
	});
});

test('the WhatsApp domain core imports neither n8n nor the nodes', () => {
	const wrong = filesUnder('nodes/shared/whatsapp').flatMap((file) =>
		importsOf(file)
			.filter((specifier) => specifier.startsWith('n8n-') || (specifier.startsWith('.') && !target(file, specifier).startsWith('nodes/shared/whatsapp/')))
			.map((specifier) => `${file} → ${specifier}`),
	);
	expect(wrong).toEqual([]);
});

test('no file of the nodes or credentials imports itself through a cycle', () => {
	const sources = [...filesUnder('nodes'), ...filesUnder('credentials')];
	const known = new Set(sources);
	const edges = new Map(
		sources.map((file) => [
			file,
			importsOf(file)
				.filter((specifier) => specifier.startsWith('.'))
				.map((specifier) => target(file, specifier))
				.flatMap((path) => [`${path}.ts`, `${path}/index.ts`].filter((candidate) => known.has(candidate)).slice(0, 1)),
		]),
	);
	const cycles: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const visit = (file: string, path: string[]) => {
		if (state.get(file) === 'done') return;
		if (state.get(file) === 'open') {
			cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
			return;
		}
		state.set(file, 'open');
		for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
		state.set(file, 'done');
	};
	for (const file of sources) visit(file, []);
	expect(cycles).toEqual([]);
});

test('the emulator and the CRM fakes import nothing from the nodes (independent models of the services)', () => {
	const wrong = [...filesUnder('emulator'), ...filesUnder('fakes')].flatMap((file) =>
		importsOf(file)
			.filter((specifier) => specifier.startsWith('.') && target(file, specifier).startsWith('nodes/'))
			.map((specifier) => `${file} → ${specifier}`),
	);
	expect(wrong).toEqual([]);
});
