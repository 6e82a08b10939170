#!/usr/bin/env node
/**
 * Makes `npm test` and `npm run demo` work on a fresh clone: installs the locked dependencies
 * when node_modules is missing or older than package-lock.json. (.npmrc sets ignore-scripts:
 * nothing we use needs an install script, and some of n8n's transitive ones need the internet.)
 */
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
	console.log('Installing dependencies (npm ci)…');
	try {
		execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
	} catch {
		// The registry mirror lacks some foreign-platform optional packages (e.g. @unrs/resolver-binding-*
		// for darwin/win32), and npm ci then rejects the lockfile; npm install keeps every locked version it can.
		console.log('npm ci refused the lockfile; installing with npm install instead.');
		execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
	}
}
