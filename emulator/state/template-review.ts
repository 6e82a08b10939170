/**
 * Template review (Meta: Templates overview, Template management, message_template_status_update webhook reference): a created or edited template is PENDING, then APPROVED or
 * REJECTED after `templateReview.delayMs` by the configured rules. Adjacent variables ({{1}}{{2}})
 * and forbidden words reject it; anything else is approved.
 */
import type { TemplateReviewConfig } from '../config';
import type { EmulatorState } from './store';
import type { TemplateRecord } from './types';

export interface ReviewDecision {
	status: 'APPROVED' | 'REJECTED';
	reason: string | null;
}

export function reviewDecision(template: TemplateRecord, rules: TemplateReviewConfig): ReviewDecision {
	const texts = template.components.flatMap((component) => [component.text ?? '', ...(component.buttons ?? []).map((button) => button.text ?? '')]);
	const body = template.components.find((component) => component.type === 'BODY')?.text ?? '';
	if (rules.rejectAdjacentVariables && /\}\}\s*\{\{/.test(body)) return { status: 'REJECTED', reason: rules.rejectionReason };
	const lowered = texts.join('\n').toLowerCase();
	if (rules.forbiddenWords.some((word) => word && lowered.includes(word.toLowerCase()))) {
		return { status: 'REJECTED', reason: rules.rejectionReason };
	}
	return { status: 'APPROVED', reason: null };
}

/** The latest review of each template; an older review's timer must not overwrite a newer one. */
const reviewRound = new WeakMap<TemplateRecord, number>();

/** Puts the template in review; with delay 0 the decision is applied before this returns. */
export function submitForReview(state: EmulatorState, template: TemplateRecord): void {
	template.status = 'PENDING';
	delete template.rejected_reason;
	const round = (reviewRound.get(template) ?? 0) + 1;
	reviewRound.set(template, round);
	const decide = () => {
		// A template deleted or edited again meanwhile is no longer this review's business.
		if (state.templates.get(template.id) !== template || reviewRound.get(template) !== round) return;
		applyDecision(state, template, reviewDecision(template, state.config.templateReview));
	};
	const delayMs = state.config.templateReview.delayMs;
	if (delayMs <= 0) decide();
	else state.schedule(delayMs, decide);
}

function applyDecision(state: EmulatorState, template: TemplateRecord, decision: ReviewDecision): void {
	template.status = decision.status;
	if (decision.reason) template.rejected_reason = decision.reason;
	state.events.emit('templateStatus', {
		templateId: template.id,
		wabaId: template.wabaId,
		name: template.name,
		language: template.language,
		category: template.category,
		event: decision.status,
		reason: decision.reason,
		timestamp: Math.floor(state.now() / 1000),
	});
}
