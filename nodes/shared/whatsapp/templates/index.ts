/** Templates: definition → form fields → send components; rendering; creation (Meta: Template components, Template management). */
export type * from './types';
export type { TemplateCreateButton, TemplateCreateInput } from './createTypes';
export { templateParameterFields, withTemplateVariables } from './parameters';
export { templateValuesFromInput } from './inputValues';
export { buildTemplateComponents } from './components';
export { combineComponents, parseComponentsJson, valuesFromComponents, type ComponentsMode } from './componentsJson';
export { countTemplateParameters } from './parameterCount';
export { checkComponentsAgainstTemplate } from './componentsCheck';
export { renderTemplateText } from './render';
export { buildTemplateCreateBody, validateTemplateForCreate } from './create';
export { headerFieldId, headerFilenameFieldId } from './fieldIds';
export { editDistance, similarTemplateNames } from './similarNames';
