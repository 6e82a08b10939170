/** Templates: definition → form fields → send components; rendering; creation (§1.8, §3). */
export type * from './types';
export type { TemplateCreateBody, TemplateCreateButton, TemplateCreateInput } from './createTypes';
export type { RenderedTemplate } from './render';
export type { TemplateParameterCount } from './count';
export { templateParameterFields, withTemplateVariables, type TemplateVariable } from './parameters';
export { buildTemplateComponents } from './components';
export { combineComponents, parseComponentsJson, valuesFromComponents, type ComponentsMode } from './componentsJson';
export { countTemplateParameters } from './count';
export { renderTemplateText } from './render';
export { buildTemplateCreateBody, validateTemplateForCreate } from './create';
export { parameterFormatOf, isAuthenticationTemplate } from './definition';
export {
	LTO_EXPIRATION_FIELD,
	OTP_CODE_FIELD,
	bodyFieldId,
	buttonFieldId,
	cardPrefix,
	headerFieldId,
	headerFilenameFieldId,
	headerLocationFieldId,
} from './fieldIds';
export {
	BODY_TEXT_MAX,
	CARD_BODY_TEXT_MAX,
	COUPON_CODE_MAX,
	HEADER_TEXT_MAX,
	OTP_CODE_MAX,
} from './parameterRules';
