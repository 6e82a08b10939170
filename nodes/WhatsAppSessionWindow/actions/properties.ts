import type { INodeProperties } from 'n8n-workflow';
import { modes } from './modes';

export const mode: INodeProperties = {
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	noDataExpression: true,
	default: 'customerServiceWindow',
	options: Object.entries(modes).map(([value, { summary }]) => ({ name: summary.name, value, description: summary.description })),
};

/** The subtitle under the node on the canvas: the chosen mode's short name. */
export const subtitle = `={{ ${JSON.stringify(Object.fromEntries(Object.entries(modes).map(([value, { summary }]) => [value, summary.subtitle])))}[$parameter["mode"]] }}`;

/** Every field of the node: the Mode selector, then each mode's own fields. */
export const nodeProperties: INodeProperties[] = [mode, ...Object.values(modes).flatMap((module) => module.description)];
