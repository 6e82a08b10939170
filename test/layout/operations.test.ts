/**
 * The WhatsApp Business node names each operation (the Session Window each mode) in three places: the Operation selector's
 * options, the resource's module table and the operation's own display options. These must agree,
 * or an operation shows fields it does not read, or an option leads nowhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties } from 'n8n-workflow';
import { resource as resourceSelector } from '../../nodes/WhatsAppBusiness/actions/properties';
import { resources } from '../../nodes/WhatsAppBusiness/actions/resources';
import { modes } from '../../nodes/WhatsAppSessionWindow/actions/modes';
import { mode as modeSelector } from '../../nodes/WhatsAppSessionWindow/actions/properties';
import { REPO_ROOT } from '../harness/sourceFiles';

const ACTIONS = join(REPO_ROOT, 'nodes/WhatsAppBusiness/actions');
const optionValues = (property: INodeProperties) => (property.options ?? []).map((option) => (option as { value: string }).value).sort();

test('the Resource selector offers exactly the resources the router knows', () => {
	expect(optionValues(resourceSelector)).toEqual(Object.keys(resources).sort());
});

describe.each(Object.entries(resources))('resource %s', (resourceKey, resourceModule) => {
	test('its Operation selector shows for this resource only and offers exactly its operation modules', () => {
		expect(resourceModule.operationProperty.displayOptions).toEqual({ show: { resource: [resourceKey] } });
		expect(optionValues(resourceModule.operationProperty)).toEqual(Object.keys(resourceModule.operations).sort());
	});

	test.each(Object.keys(resourceModule.operations))('operation %s lives in <operation>.operation.ts and shows its fields for its own key only', (operationKey) => {
		const file = join(ACTIONS, resourceKey, `${operationKey}.operation.ts`);
		expect(existsSync(file)).toBe(true);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const fromFile = require(file) as { description: INodeProperties[] };
		const registered = resourceModule.operations[operationKey];
		expect(fromFile.description).toBe(registered.description);
		for (const property of registered.description) {
			expect({ field: property.name, show: property.displayOptions?.show }).toMatchObject({
				field: property.name,
				show: { resource: [resourceKey], operation: [operationKey] },
			});
		}
	});

	test('its folder holds the resource table, operations and field blocks only, and every operation file is registered', () => {
		const files = readdirSync(join(ACTIONS, resourceKey));
		expect(files.filter((name) => !/(\.resource|\.operation|Fields)\.ts$/.test(name))).toEqual([]);
		const operationFiles = files.filter((name) => name.endsWith('.operation.ts')).map((name) => name.replace('.operation.ts', ''));
		expect(operationFiles.sort()).toEqual(Object.keys(resourceModule.operations).sort());
	});
});

describe('WhatsApp Session Window: each mode is named once, in actions/modes.ts', () => {
	const MODES_DIR = join(REPO_ROOT, 'nodes/WhatsAppSessionWindow/actions');

	test('the Mode selector offers exactly the modes the router knows, and every <mode>.mode.ts is one of them', () => {
		expect(optionValues(modeSelector)).toEqual(Object.keys(modes).sort());
		const modeFiles = readdirSync(MODES_DIR).filter((name) => name.endsWith('.mode.ts')).map((name) => name.replace('.mode.ts', ''));
		expect(modeFiles.sort()).toEqual(Object.keys(modes).sort());
	});

	test.each(Object.keys(modes))('mode %s shows its fields for its own key only', (modeKey) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const fromFile = require(join(MODES_DIR, `${modeKey}.mode.ts`)) as { description: INodeProperties[] };
		const registered = modes[modeKey as keyof typeof modes];
		expect(fromFile.description).toBe(registered.description);
		for (const property of registered.description) {
			expect({ field: property.name, show: property.displayOptions?.show }).toMatchObject({ field: property.name, show: { mode: [modeKey] } });
		}
	});
});
