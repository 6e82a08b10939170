/**
 * Installs a built node package into an n8n user folder the way n8n installs community
 * packages, so its nodes get the type `<package-name>.<node>` (the form example workflows use)
 * instead of `CUSTOM.<node>` (N8N_CUSTOM_EXTENSIONS). Measured on n8n 2.41.0: e2e/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface PackageJson {
  name?: string;
  files?: string[];
  dependencies?: Record<string, string>;
  n8n?: { nodes?: string[] };
}

/** n8n scans `<user folder>/.n8n/nodes/node_modules` for these names only (n8n-core scanDirectoryForPackages). */
const COMMUNITY_PACKAGE_NAME = /^(@[^/]+\/)?n8n-nodes-[^/]+$/;

export function communityNodesDir(userFolder: string): string {
  return path.join(userFolder, '.n8n', 'nodes', 'node_modules');
}

/**
 * Copies package.json and the package's `files` (default `dist`) into the community nodes folder,
 * and links each runtime dependency from `dependenciesFrom` (default `<packageDir>/node_modules`).
 * `n8n-workflow` is left to n8n itself, as after a real install (n8n puts its own modules on NODE_PATH).
 * Returns the package name, the prefix of its node types. Call before startN8n.
 */
export function installAsCommunityPackage(userFolder: string, packageDir: string, dependenciesFrom?: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
  const name = manifest.name ?? '';
  if (!COMMUNITY_PACKAGE_NAME.test(name)) {
    throw new Error(`n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*; "${name}" in ${packageDir} would be ignored.`);
  }
  if (!manifest.n8n?.nodes?.length) {
    throw new Error(`${packageDir}/package.json lists no nodes under "n8n.nodes": n8n would load nothing from it.`);
  }
  const target = path.join(communityNodesDir(userFolder), name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(path.join(packageDir, 'package.json'), path.join(target, 'package.json'));
  for (const entry of manifest.files ?? ['dist']) {
    const source = path.join(packageDir, entry);
    if (!fs.existsSync(source)) {
      throw new Error(`${source} does not exist: build the package (npm run build) before installing it into n8n.`);
    }
    fs.cpSync(source, path.join(target, entry), { recursive: true });
  }
  linkDependencies(manifest, dependenciesFrom ?? path.join(packageDir, 'node_modules'), path.join(target, 'node_modules'));
  return name;
}

/** Links direct dependencies only: Node resolves a symlinked module's own imports from its real path. */
function linkDependencies(manifest: PackageJson, fromNodeModules: string, toNodeModules: string): void {
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const source = path.join(fromNodeModules, dependency);
    if (!fs.existsSync(source)) {
      throw new Error(`Dependency ${dependency} is not installed in ${fromNodeModules}: run npm install in the package first.`);
    }
    const link = path.join(toNodeModules, dependency);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(source, link, 'dir');
  }
}
