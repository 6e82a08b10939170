/** B3: a text over WhatsApp's 4,096-character limit (Meta: Text messages) split into messages that each fit. */
import fc from 'fast-check';
import { partStart, splitText } from '../../../nodes/shared/whatsapp/messages';
import { TEXT_BODY_MAX } from '../../../nodes/shared/whatsapp/messages/limits';

/** The failing case of a long AI-agent answer: 100 paragraphs separated by blank lines. */
const AGENT_ANSWER = Array.from({ length: 100 }, (_, index) => `Paragraph ${index + 1}: lorem ipsum lorem ipsum lorem ipsum `).join('\n\n');

const codePoints = (text: string) => [...text].length;
const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');
const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((segment) => segment.segment);

/** What every split must keep: each part fits (counted in UTF-16 units and in code points), nothing is lost or reordered. */
function expectFaithfulSplit(text: string, parts: string[], max = TEXT_BODY_MAX) {
	for (const part of parts) {
		expect(part.length).toBeLessThanOrEqual(max);
		expect(codePoints(part)).toBeLessThanOrEqual(max);
		if (parts.length > 1) expect(part.trim()).toBe(part);
		expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
	}
	expect(withoutWhitespace(parts.join(''))).toBe(withoutWhitespace(text));
}

describe('splitText', () => {
	it('the long AI answer (over 5,000 characters) becomes two messages, cut between paragraphs', () => {
		expect(AGENT_ANSWER.length).toBeGreaterThan(5000);
		const parts = splitText(AGENT_ANSWER);
		expect(parts).toHaveLength(2);
		expectFaithfulSplit(AGENT_ANSWER, parts);
		expect(parts[0]).toMatch(/lorem ipsum$/);
		expect(parts[1]).toMatch(/^Paragraph \d+: lorem/);
		const paragraphs = (text: string) => text.split('\n\n').map((paragraph) => paragraph.trim());
		expect(parts.flatMap(paragraphs)).toEqual(paragraphs(AGENT_ANSWER));
	});

	it('a text that fits is one part, unchanged', () => {
		const text = '  Hello *Ann*,\n\nyour order shipped.  ';
		expect(splitText(text)).toEqual([text]);
		expect(splitText('x'.repeat(TEXT_BODY_MAX))).toHaveLength(1);
	});

	it('without paragraphs it cuts at a line break, then at the end of a sentence', () => {
		const lines = Array.from({ length: 120 }, (_, index) => `Line ${index} of the delivery report, all fine`).join('\n');
		const byLine = splitText(lines);
		expectFaithfulSplit(lines, byLine);
		expect(byLine[0]).toMatch(/all fine$/);
		const sentences = 'Your parcel left our warehouse today. It will arrive tomorrow! '.repeat(90);
		const bySentence = splitText(sentences);
		expectFaithfulSplit(sentences, bySentence);
		expect(bySentence[0]).toMatch(/[.!]$/);
		expect(bySentence[1]).toMatch(/^(Your|It) /);
	});

	it('one long sentence is cut between words, never inside one', () => {
		const text = `${'supercalifragilistic '.repeat(400)}end`;
		const parts = splitText(text);
		expectFaithfulSplit(text, parts);
		for (const part of parts) expect(part.split(' ').every((word) => ['supercalifragilistic', 'end'].includes(word))).toBe(true);
	});

	it('a script written without spaces (Thai) is cut between words', () => {
		const text = 'สวัสดีครับ'.repeat(600);
		const parts = splitText(text);
		expectFaithfulSplit(text, parts);
		expect(parts.join('')).toBe(text);
		const wordStarts = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((segment) => segment.index));
		let cut = 0;
		for (const part of parts.slice(0, -1)) {
			cut += part.length;
			expect(wordStarts.has(cut)).toBe(true);
		}
	});

	it('emoji, flags and skin tones are never cut, even in a text with no spaces at all', () => {
		const text = '👍🏽🇧🇷👨‍👩‍👧'.repeat(700);
		const parts = splitText(text);
		expectFaithfulSplit(text, parts);
		const whole = new Set(graphemes(text));
		for (const part of parts) for (const grapheme of graphemes(part)) expect(whole.has(grapheme)).toBe(true);
	});

	it('any text: every part fits, no surrogate pair or grapheme is split, and the parts in order give back the text', () => {
		const piece = fc.constantFrom('Hello', 'world.', 'Olá!', '👍🏽', '🇧🇷', 'สวัสดี', 'x'.repeat(300), ' ', '\n', '\n\n', '. ', 'https://example.com/a/very/long/path');
		fc.assert(
			fc.property(fc.array(piece, { minLength: 1, maxLength: 400 }), fc.integer({ min: 40, max: 600 }), (pieces, max) => {
				const text = pieces.join('');
				if (text.trim() === '') return;
				const parts = splitText(text, max);
				expectFaithfulSplit(text, parts, max);
			}),
			{ numRuns: 200 },
		);
	});

	it('partStart finds where each part begins, to give back the unsent rest as written', () => {
		const parts = splitText(AGENT_ANSWER);
		expect(AGENT_ANSWER.slice(partStart(AGENT_ANSWER, parts, 1))).toBe(AGENT_ANSWER.slice(AGENT_ANSWER.indexOf(parts[1])));
		expect(partStart(AGENT_ANSWER, parts, 0)).toBe(0);
	});
});
