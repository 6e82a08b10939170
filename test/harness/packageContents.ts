/**
 * The nodes and credentials the package publishes, read from package.json's `n8n` section (the
 * list n8n loads), so a test over "every node" covers a new one without being edited.
 */
import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { readSource, REPO_ROOT } from './sourceFiles';

interface N8nSection {
	nodes: string[];
	credentials: string[];
}

/** `dist/nodes/A/A.node.js` → an instance of the class exported by `nodes/A/A.node.ts`. */
function load<T>(distPath: string): T {
	const source = distPath.replace(/^dist\//, '').replace(/\.js$/, '');
	const exported = require(join(REPO_ROOT, source)) as Record<string, new () => T>;
	const classes = Object.values(exported).filter((value) => typeof value === 'function');
	if (classes.length !== 1) throw new Error(`${source} should export one class, it exports ${classes.length}`);
	return new classes[0]();
}

const section = (): N8nSection => (JSON.parse(readSource('package.json')) as { n8n: N8nSection }).n8n;

/** Every node of the package, with its source path. */
export function packageNodes(): Array<[string, INodeType]> {
	return section().nodes.map((path) => [path, load<INodeType>(path)]);
}

/** Every credential type of the package, with its source path. */
export function packageCredentials(): Array<[string, ICredentialType]> {
	return section().credentials.map((path) => [path, load<ICredentialType>(path)]);
}
