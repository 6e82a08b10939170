/** Reading the repository's own sources as text, for the tests that check its layout and wording. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const REPO_ROOT = join(__dirname, '../..');

/** Every file under `dir` (relative to the repository root) whose name ends with one of `extensions`. */
export function filesUnder(dir: string, extensions: string[] = ['.ts']): string[] {
	const absolute = join(REPO_ROOT, dir);
	const found: string[] = [];
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			if (name === 'node_modules' || name === 'dist') continue;
			const path = join(folder, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (extensions.some((extension) => name.endsWith(extension))) found.push(relative(REPO_ROOT, path).split(sep).join('/'));
		}
	};
	walk(absolute);
	return found.sort();
}

export function readSource(file: string): string {
	return readFileSync(join(REPO_ROOT, file), 'utf8');
}

/** The module specifiers a TypeScript file imports or re-exports (`import … from 'x'`, `export … from 'x'`, `import('x')`). */
export function importsOf(file: string): string[] {
	const text = readSource(file);
	const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...text.matchAll(/import\('([^']+)'\)/g)];
	return specifiers.map((match) => match[1]);
}
