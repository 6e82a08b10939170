#!/usr/bin/env node
/**
 * The package build, as `n8n-node build` does it (clean, tsc, copy icons), but copying only the
 * package's own icons: n8n-node's glob would also sweep e2e/node_modules (a whole n8n install).
 */
const { execFileSync } = require('node:child_process');
const { cpSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');

function svgFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svgFiles(path);
		return /\.(svg|png)$/.test(name) ? [path] : [];
	});
}

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
for (const folder of ['nodes', 'credentials', 'icons']) {
	for (const file of svgFiles(join(root, folder))) {
		const target = join(dist, relative(root, file));
		mkdirSync(dirname(target), { recursive: true });
		cpSync(file, target);
	}
}
console.log(`Built ${relative(process.cwd(), dist) || dist}`);
