/**
 * Send-time components checked against the template's definition before sending, as WhatsApp will
 * check them (Meta: Template components): each header, body and button gets exactly as many
 * parameters as it has variables (else 132000), named templates name every variable (132000), and
 * the buttons that need a value get one (131008). Components (JSON) is where such mistakes come
 * from: the fields build the components from the definition itself.
 */
import { WhatsAppValidationError } from '../validationError';
import { findComponent, parameterFormatOf, templateButtons, upper } from './definition';
import { placeholderKeys } from './placeholders';
import type { SendTemplateComponent, SendTemplateParameter, TemplateButtonDefinition, TemplateDefinition } from './types';

const FIELD = 'componentsJson';

function fail(message: string, fix: string): never {
	throw new WhatsAppValidationError(message, FIELD, fix);
}

function parametersOf(component: SendTemplateComponent | undefined): SendTemplateParameter[] {
	return component && 'parameters' in component && Array.isArray(component.parameters) ? component.parameters : [];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Parameters a button takes at send time: URL buttons with a variable, copy-code, OTP, and the optional quick-reply payload and flow action. */
function buttonTakes(button: TemplateButtonDefinition): 'required' | 'optional' | 'none' {
	const type = upper(button.type);
	if (type === 'COPY_CODE' || type === 'OTP' || (type === 'URL' && placeholderKeys(button.url ?? '').length > 0)) return 'required';
	if (type === 'QUICK_REPLY' || type === 'FLOW') return 'optional';
	return 'none';
}

/**
 * Throws WhatsAppValidationError (field componentsJson) naming the component, the count expected
 * and the count given, when `components` would make WhatsApp refuse the template message.
 * Carousel cards and limited-time offers are left to WhatsApp.
 */
export function checkComponentsAgainstTemplate(def: TemplateDefinition, components: SendTemplateComponent[]): void {
	const which = `the template "${def.name}" (${def.language})`;
	const sent = (type: string) => components.filter((component) => String(component.type).toLowerCase() === type);
	for (const component of components) {
		const type = String(component.type).toLowerCase();
		if (['header', 'body', 'button'].includes(type)) continue;
		if (!findComponent(def.components, type.toUpperCase() as never)) {
			fail(`Components (JSON) has a ${type} component, but ${which} has none.`, `Remove the ${type} component.`);
		}
	}
	const header = findComponent(def.components, 'HEADER');
	const headerFormat = upper(header?.format) || 'TEXT';
	const headerKeys = headerFormat === 'TEXT' ? placeholderKeys(header?.text ?? '').slice(0, 1) : [];
	const headerLabels = !header ? [] : headerFormat === 'TEXT' ? headerKeys.map(asPlaceholder) : [`the ${headerFormat.toLowerCase()}`];
	const bodyKeys = placeholderKeys(findComponent(def.components, 'BODY')?.text ?? '');
	const headerParameters = parametersOf(sent('header')[0]);
	const bodyParameters = parametersOf(sent('body')[0]);
	checkCount('header', headerLabels, headerParameters, which);
	checkCount('body', bodyKeys.map(asPlaceholder), bodyParameters, which);
	if (parameterFormatOf(def) === 'NAMED') {
		checkNames('header', headerKeys, headerParameters, which);
		checkNames('body', bodyKeys, bodyParameters, which);
	}
	checkButtons(def, sent('button'), which);
}

const asPlaceholder = (key: string) => `{{${key}}}`;

function checkCount(where: 'header' | 'body', variables: string[], parameters: SendTemplateParameter[], which: string): void {
	if (parameters.length === variables.length) return;
	fail(
		`The ${where} of ${which} takes ${plural(variables.length, 'parameter')}${variables.length ? ` (${variables.join(', ')})` : ''}; the components give ${parameters.length}.`,
		variables.length
			? `Give the ${where} exactly ${plural(variables.length, 'parameter')}, one per variable, in order; or leave the ${where} to the fields above.`
			: `Remove the ${where} parameters: this ${where} has no variables.`,
	);
}

/** Named templates: every variable gets its value by parameter_name (Meta: Template components). */
function checkNames(where: 'header' | 'body', keys: string[], parameters: SendTemplateParameter[], which: string): void {
	const names = parameters.map((parameter) => ('parameter_name' in parameter ? parameter.parameter_name : undefined));
	const missing = keys.filter((key) => !names.includes(key));
	if (missing.length === 0) return;
	fail(
		`The ${which.replace(/^the /, '')} names its ${where} variables; the components give no value named ${missing.join(', ')}.`,
		`Give every ${where} parameter a parameter_name, one of: ${keys.join(', ')}.`,
	);
}

function checkButtons(def: TemplateDefinition, sent: SendTemplateComponent[], which: string): void {
	const defined = templateButtons(def.components);
	const given = new Set<number>();
	for (const component of sent) {
		const index = Number('index' in component ? component.index : NaN);
		const button = defined[index];
		if (!button) fail(`Components (JSON) gives a button at index ${String('index' in component ? component.index : '?')}, but ${which} has ${plural(defined.length, 'button')}.`, `Use button indexes from 0 to ${Math.max(defined.length - 1, 0)}.`);
		given.add(index);
		const takes = buttonTakes(button);
		const count = parametersOf(component).length;
		if (takes === 'none' && count > 0) fail(`Button ${index} (${upper(button.type)}) of ${which} takes no parameter; the components give ${count}.`, `Remove the component for button ${index}.`);
		if (takes !== 'none' && count !== 1) fail(`Button ${index} (${upper(button.type)}) of ${which} takes 1 parameter; the components give ${count}.`, `Give button ${index} exactly one parameter.`);
	}
	defined.forEach((button, index) => {
		if (buttonTakes(button) === 'required' && !given.has(index)) {
			fail(`Button ${index} (${upper(button.type)}) of ${which} needs a value, and the components give none.`, `Add a button component with index ${index}, or let the fields above fill it.`);
		}
	});
}
