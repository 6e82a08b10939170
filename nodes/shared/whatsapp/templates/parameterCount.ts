/** How many parameters Meta expects per component; a wrong count fails with 132000 (Meta: Template components). */
import { findComponent, isAuthenticationTemplate, templateButtons, upper } from './definition';
import { placeholderKeys } from './placeholders';
import type { TemplateComponentDefinition, TemplateDefinition } from './types';

export interface TemplateParameterCount {
	header: number;
	body: number;
	/** Buttons that must carry a value: URL buttons with {{1}}, COPY_CODE, and the OTP button. */
	buttons: number;
	limitedTimeOffer: number;
	/** All parameters of all carousel cards together. */
	cards: number;
	total: number;
}

export function countTemplateParameters(def: TemplateDefinition): TemplateParameterCount {
	const count = isAuthenticationTemplate(def) ? authenticationCount(def) : regularCount(def);
	return { ...count, total: count.header + count.body + count.buttons + count.limitedTimeOffer + count.cards };
}

type Counts = Omit<TemplateParameterCount, 'total'>;

function authenticationCount(def: TemplateDefinition): Counts {
	const hasOtpButton = templateButtons(def.components).some((button) => ['OTP', 'URL'].includes(upper(button.type)));
	return { header: 0, body: 1, buttons: hasOtpButton ? 1 : 0, limitedTimeOffer: 0, cards: 0 };
}

function regularCount(def: TemplateDefinition): Counts {
	const own = componentCounts(def.components);
	const offer = findComponent(def.components, 'LIMITED_TIME_OFFER')?.limited_time_offer;
	const cards = (findComponent(def.components, 'CAROUSEL')?.cards ?? [])
		.map((card) => componentCounts(card.components))
		.reduce((sum, card) => sum + card.header + card.body + card.buttons, 0);
	return { ...own, limitedTimeOffer: offer?.has_expiration === true ? 1 : 0, cards };
}

function componentCounts(components: TemplateComponentDefinition[]) {
	const header = findComponent(components, 'HEADER');
	const headerFormat = upper(header?.format) || 'TEXT';
	const headerCount = !header ? 0 : headerFormat === 'TEXT' ? Math.min(1, placeholderKeys(header.text ?? '').length) : 1;
	const body = placeholderKeys(findComponent(components, 'BODY')?.text ?? '').length;
	const buttons = templateButtons(components).filter((button) => {
		const type = upper(button.type);
		return type === 'COPY_CODE' || (type === 'URL' && placeholderKeys(button.url ?? '').length > 0);
	}).length;
	return { header: headerCount, body, buttons };
}
