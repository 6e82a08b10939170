import type { ExpressionString } from 'n8n-workflow';

export interface OutputSettings {
	mode?: string;
	options?: { unknownOutput?: boolean };
}

/** Output names, in order, for the node's settings; the router finds each item's output here. */
export function outputNames(settings: OutputSettings): string[] {
	if (settings.mode === 'quietHours') return ['Send Now', 'Later'];
	if (settings.mode === 'businessHours') return ['Open', 'Closed'];
	return settings.options?.unknownOutput === true ? ['Open', 'Closed', 'Unknown'] : ['Open', 'Closed'];
}

/**
 * The same layout as an n8n expression, evaluated by the editor and the engine (like Switch V3).
 * Written out by hand rather than stringified from outputNames, so compiling or coverage
 * instrumentation cannot change it; a node test checks the two agree.
 */
export const OUTPUTS_EXPRESSION = ("={{ ($parameter.mode === 'quietHours' ? ['Send Now', 'Later']" +
	" : $parameter.mode !== 'businessHours' && $parameter.options && $parameter.options.unknownOutput === true" +
	" ? ['Open', 'Closed', 'Unknown'] : ['Open', 'Closed'])" +
	".map((name) => ({ type: 'main', displayName: name })) }}") as ExpressionString;
