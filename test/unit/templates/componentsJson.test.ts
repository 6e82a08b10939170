/** Components (JSON): raw send-time components merged with, or instead of, those built from the fields. */
import { combineComponents, parseComponentsJson, valuesFromComponents, type SendTemplateComponent } from '../../../nodes/shared/whatsapp/templates';
import { expectValidationError } from '../../harness/expectValidationError';
import { orderConfirmationNamed } from './fixtures';

const body = (text: string): SendTemplateComponent => ({ type: 'body', parameters: [{ type: 'text', text, parameter_name: 'first_name' }] });
const urlButton = (index: string, text: string): SendTemplateComponent => ({ type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text }] });

describe('parseComponentsJson', () => {
	it('reads a JSON list, a single component, {components: [...]} and an object from an expression; empty is none', () => {
		expect(parseComponentsJson('[{"type":"body","parameters":[]}]')).toEqual([{ type: 'body', parameters: [] }]);
		expect(parseComponentsJson('{"type":"body","parameters":[]}')).toEqual([{ type: 'body', parameters: [] }]);
		expect(parseComponentsJson({ components: [{ type: 'header', parameters: [] }] })).toEqual([{ type: 'header', parameters: [] }]);
		expect(parseComponentsJson('  ')).toEqual([]);
		expect(parseComponentsJson(undefined)).toEqual([]);
	});

	it('names the field and the expected shape for bad JSON or a component without type', () => {
		expectValidationError(() => parseComponentsJson('[{"type":'), 'componentsJson', /JSON list of components/);
		expectValidationError(() => parseComponentsJson('[{"parameters":[]}]'), 'componentsJson', /JSON list of components/);
	});
});

describe('combineComponents', () => {
	it('merge: a raw component replaces its built twin (buttons by index), the others stay, new ones are added', () => {
		const built = [body('Ann'), urlButton('0', 'A1'), urlButton('1', 'B1')];
		const raw = [urlButton('1', 'B2'), { type: 'header', parameters: [{ type: 'text', text: 'H' }] } as SendTemplateComponent];
		expect(combineComponents(built, raw, 'merge')).toEqual([body('Ann'), urlButton('0', 'A1'), urlButton('1', 'B2'), raw[1]]);
	});

	it('replace: only the raw components are sent', () => {
		expect(combineComponents([body('Ann')], [urlButton('0', 'X')], 'replace')).toEqual([urlButton('0', 'X')]);
	});
});

describe('valuesFromComponents', () => {
	it('reads back the values sent, including currency and date_time fallbacks from raw JSON', () => {
		const components: SendTemplateComponent[] = [
			{ type: 'header', parameters: [{ type: 'text', text: '860198' }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Ann', parameter_name: 'first_name' },
					{ type: 'currency', currency: { fallback_value: '$42.00', code: 'USD', amount_1000: 42000 }, parameter_name: 'order_number' },
				],
			},
		];
		expect(valuesFromComponents(orderConfirmationNamed, components)).toEqual({ header: '860198', body_first_name: 'Ann', body_order_number: '$42.00' });
	});
});
